-- AlterTable
ALTER TABLE `Disease` ADD COLUMN `codeMatch` JSON NULL;
