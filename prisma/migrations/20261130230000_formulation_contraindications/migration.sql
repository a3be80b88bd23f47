-- AlterTable
ALTER TABLE `Formulation` ADD COLUMN `contraindications` JSON NULL;
