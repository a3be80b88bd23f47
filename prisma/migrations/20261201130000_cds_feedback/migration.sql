-- CreateTable
CREATE TABLE `CdsFeedback` (
    `id` VARCHAR(191) NOT NULL,
    `serviceId` VARCHAR(64) NOT NULL,
    `cardUuid` VARCHAR(64) NOT NULL,
    `outcome` VARCHAR(16) NOT NULL,
    `acceptedSuggestions` JSON NULL,
    `overrideReason` JSON NULL,
    `outcomeTimestamp` DATETIME(3) NOT NULL,
    `requestId` VARCHAR(64) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    INDEX `CdsFeedback_serviceId_cardUuid_idx`(`serviceId`, `cardUuid`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
