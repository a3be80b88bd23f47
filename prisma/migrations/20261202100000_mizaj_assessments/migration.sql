-- CreateTable
CREATE TABLE `MizajAssessment` (
    `id` VARCHAR(191) NOT NULL,
    `patientId` VARCHAR(191) NOT NULL,
    `practitionerId` VARCHAR(191) NOT NULL,
    `method` ENUM('questionnaire', 'judgement') NOT NULL,
    `temperament` ENUM('damvi', 'balghami', 'safravi', 'saudavi') NULL,
    `answers` JSON NULL,
    `questionnaire` VARCHAR(32) NULL,
    `hotCold` DOUBLE NULL,
    `moistDry` DOUBLE NULL,
    `answered` INTEGER NULL,
    `confidence` DOUBLE NULL,
    `assessedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `MizajAssessment_patientId_assessedAt_idx`(`patientId`, `assessedAt`),
    INDEX `MizajAssessment_practitionerId_idx`(`practitionerId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `MizajAssessment` ADD CONSTRAINT `MizajAssessment_patientId_fkey` FOREIGN KEY (`patientId`) REFERENCES `Patient`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `MizajAssessment` ADD CONSTRAINT `MizajAssessment_practitionerId_fkey` FOREIGN KEY (`practitionerId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
