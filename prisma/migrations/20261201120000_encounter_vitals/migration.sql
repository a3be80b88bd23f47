-- AlterTable
ALTER TABLE `Encounter` ADD COLUMN `vitals` JSON NULL;
