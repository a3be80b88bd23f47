-- AlterTable
ALTER TABLE `Suggestion` ADD COLUMN `flat` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `explanation` JSON NULL;
