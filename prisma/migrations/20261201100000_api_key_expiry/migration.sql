-- AlterTable: keys issued before expiry existed get a year from this upgrade.
ALTER TABLE `ApiKey` ADD COLUMN `expiresAt` DATETIME(3) NULL;
UPDATE `ApiKey` SET `expiresAt` = DATE_ADD(CURRENT_TIMESTAMP(3), INTERVAL 1 YEAR);
ALTER TABLE `ApiKey` MODIFY `expiresAt` DATETIME(3) NOT NULL;
