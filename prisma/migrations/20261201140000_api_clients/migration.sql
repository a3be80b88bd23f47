-- Registered FHIR backend-services and CDS Hooks clients, their access tokens and the JWT ids they have used.

-- CreateTable
CREATE TABLE `ApiClient` (
    `id` VARCHAR(191) NOT NULL,
    `clientId` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `jwks` JSON NOT NULL,
    `scopes` JSON NOT NULL,
    `ownerId` VARCHAR(191) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `revokedAt` DATETIME(3) NULL,
    UNIQUE INDEX `ApiClient_clientId_key`(`clientId`),
    INDEX `ApiClient_ownerId_idx`(`ownerId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ClientToken` (
    `id` VARCHAR(191) NOT NULL,
    `tokenHash` CHAR(64) NOT NULL,
    `clientId` VARCHAR(191) NOT NULL,
    `scopes` JSON NOT NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE INDEX `ClientToken_tokenHash_key`(`tokenHash`),
    INDEX `ClientToken_clientId_idx`(`clientId`),
    INDEX `ClientToken_expiresAt_idx`(`expiresAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ClientAssertion` (
    `clientId` VARCHAR(191) NOT NULL,
    `jti` VARCHAR(191) NOT NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    INDEX `ClientAssertion_expiresAt_idx`(`expiresAt`),
    PRIMARY KEY (`clientId`, `jti`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AlterTable
ALTER TABLE `AuditLog` ADD COLUMN `apiClientId` VARCHAR(191) NULL;

-- AddForeignKey
ALTER TABLE `ApiClient` ADD CONSTRAINT `ApiClient_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ClientToken` ADD CONSTRAINT `ClientToken_clientId_fkey` FOREIGN KEY (`clientId`) REFERENCES `ApiClient`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ClientAssertion` ADD CONSTRAINT `ClientAssertion_clientId_fkey` FOREIGN KEY (`clientId`) REFERENCES `ApiClient`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
