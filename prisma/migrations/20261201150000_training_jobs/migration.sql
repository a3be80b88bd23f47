-- CreateTable
CREATE TABLE `TrainingJob` (
    `id` VARCHAR(191) NOT NULL,
    `status` ENUM('queued', 'running', 'done', 'failed', 'rejected') NOT NULL DEFAULT 'queued',
    `stage` VARCHAR(32) NULL,
    `done` INTEGER NOT NULL DEFAULT 0,
    `total` INTEGER NOT NULL DEFAULT 0,
    `requestedById` VARCHAR(191) NULL,
    `claimToken` VARCHAR(64) NULL,
    `leaseUntil` DATETIME(3) NULL,
    `confirmedCases` INTEGER NULL,
    `evaluation` JSON NULL,
    `error` TEXT NULL,
    `modelVersionId` VARCHAR(191) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `startedAt` DATETIME(3) NULL,
    `finishedAt` DATETIME(3) NULL,
    `updatedAt` DATETIME(3) NOT NULL,
    INDEX `TrainingJob_status_createdAt_idx`(`status`, `createdAt`),
    INDEX `TrainingJob_requestedById_idx`(`requestedById`),
    INDEX `TrainingJob_modelVersionId_idx`(`modelVersionId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `TrainingJob` ADD CONSTRAINT `TrainingJob_requestedById_fkey` FOREIGN KEY (`requestedById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `TrainingJob` ADD CONSTRAINT `TrainingJob_modelVersionId_fkey` FOREIGN KEY (`modelVersionId`) REFERENCES `ModelVersion`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
