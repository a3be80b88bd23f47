-- AlterTable
ALTER TABLE `Patient` ADD COLUMN `birthDate` DATE NULL,
    ADD COLUMN `birthDateEstimated` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `clinicNumber` VARCHAR(32) NULL,
    ADD COLUMN `history` JSON NULL;

-- CreateIndex
CREATE UNIQUE INDEX `Patient_practitionerId_clinicNumber_key` ON `Patient`(`practitionerId`, `clinicNumber`);
