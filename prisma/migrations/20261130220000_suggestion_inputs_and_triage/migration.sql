-- AlterTable
ALTER TABLE `Suggestion` ADD COLUMN `findings` JSON NULL,
    ADD COLUMN `context` JSON NULL,
    ADD COLUMN `triage` JSON NULL;
