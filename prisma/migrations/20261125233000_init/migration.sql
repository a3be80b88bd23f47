-- CreateTable
CREATE TABLE `Source` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(191) NOT NULL,
    `title` TEXT NOT NULL,
    `author` VARCHAR(500) NULL,
    `publisher` VARCHAR(500) NULL,
    `year` INTEGER NULL,
    `url` VARCHAR(1000) NULL,
    `note` TEXT NULL,
    `contentHash` CHAR(64) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `Source_code_key`(`code`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Citation` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `sourceId` INTEGER NOT NULL,
    `entity` VARCHAR(32) NOT NULL,
    `entityCode` VARCHAR(191) NOT NULL,
    `locator` VARCHAR(500) NULL,
    INDEX `Citation_sourceId_idx`(`sourceId`),
    UNIQUE INDEX `Citation_entity_entityCode_sourceId_key`(`entity`, `entityCode`, `sourceId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Disease` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `englishName` VARCHAR(191) NOT NULL,
    `urduName` VARCHAR(191) NULL,
    `synonyms` JSON NOT NULL,
    `description` TEXT NOT NULL,
    `organSystem` VARCHAR(64) NOT NULL,
    `temperaments` JSON NOT NULL,
    `humours` JSON NOT NULL,
    `numcCode` VARCHAR(32) NULL,
    `icd11Code` VARCHAR(32) NULL,
    `icd10Code` VARCHAR(32) NULL,
    `review` BOOLEAN NOT NULL DEFAULT false,
    `contentHash` CHAR(64) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `Disease_code_key`(`code`),
    INDEX `Disease_organSystem_idx`(`organSystem`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Symptom` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `kind` ENUM('symptom', 'sign', 'nabz', 'baul', 'baraz') NOT NULL,
    `unaniName` VARCHAR(191) NULL,
    `urduName` VARCHAR(191) NULL,
    `synonyms` JSON NOT NULL,
    `description` TEXT NULL,
    `review` BOOLEAN NOT NULL DEFAULT false,
    `contentHash` CHAR(64) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `Symptom_code_key`(`code`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `DiseaseSymptom` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `diseaseId` INTEGER NOT NULL,
    `symptomId` INTEGER NOT NULL,
    `likelihood` DOUBLE NOT NULL,
    `cardinal` BOOLEAN NOT NULL DEFAULT false,
    INDEX `DiseaseSymptom_symptomId_idx`(`symptomId`),
    UNIQUE INDEX `DiseaseSymptom_diseaseId_symptomId_key`(`diseaseId`, `symptomId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SingleDrug` (
    `id` VARCHAR(191) NOT NULL,
    `code` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `englishName` VARCHAR(191) NULL,
    `urduName` VARCHAR(191) NULL,
    `botanicalName` VARCHAR(500) NULL,
    `synonyms` JSON NOT NULL,
    `partUsed` VARCHAR(500) NULL,
    `temperament` VARCHAR(64) NULL,
    `actions` JSON NOT NULL,
    `dose` VARCHAR(500) NULL,
    `cautions` JSON NOT NULL,
    `contraindications` JSON NOT NULL,
    `review` BOOLEAN NOT NULL DEFAULT false,
    `contentHash` CHAR(64) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `SingleDrug_code_key`(`code`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Formulation` (
    `id` VARCHAR(191) NOT NULL,
    `code` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `urduName` VARCHAR(191) NULL,
    `synonyms` JSON NOT NULL,
    `dosageForm` VARCHAR(32) NOT NULL,
    `dose` VARCHAR(500) NOT NULL,
    `indications` JSON NOT NULL,
    `cautions` JSON NOT NULL,
    `review` BOOLEAN NOT NULL DEFAULT false,
    `contentHash` CHAR(64) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `Formulation_code_key`(`code`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `FormulationIngredient` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `formulationId` VARCHAR(191) NOT NULL,
    `position` INTEGER NOT NULL,
    `singleDrugId` VARCHAR(191) NULL,
    `name` VARCHAR(191) NOT NULL,
    `quantity` VARCHAR(191) NULL,
    INDEX `FormulationIngredient_singleDrugId_idx`(`singleDrugId`),
    UNIQUE INDEX `FormulationIngredient_formulationId_position_key`(`formulationId`, `position`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `TreatmentProtocol` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `diseaseId` INTEGER NOT NULL,
    `principles` JSON NOT NULL,
    `review` BOOLEAN NOT NULL DEFAULT false,
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `TreatmentProtocol_diseaseId_key`(`diseaseId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `TreatmentProtocolItem` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `protocolId` INTEGER NOT NULL,
    `position` INTEGER NOT NULL,
    `kind` ENUM('dawa', 'ghiza', 'tadbeer', 'advice') NOT NULL,
    `formulationCode` VARCHAR(191) NULL,
    `singleDrugCode` VARCHAR(191) NULL,
    `text` TEXT NOT NULL,
    `dose` VARCHAR(500) NULL,
    `duration` VARCHAR(191) NULL,
    `avoid` BOOLEAN NOT NULL DEFAULT false,
    UNIQUE INDEX `TreatmentProtocolItem_protocolId_position_key`(`protocolId`, `position`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `RedFlagRule` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(191) NOT NULL,
    `message` TEXT NOT NULL,
    `urgency` VARCHAR(32) NOT NULL,
    `condition` JSON NOT NULL,
    `contentHash` CHAR(64) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `RedFlagRule_code_key`(`code`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `User` (
    `id` VARCHAR(191) NOT NULL,
    `email` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `role` ENUM('admin', 'practitioner', 'researcher') NOT NULL,
    `passwordHash` VARCHAR(191) NOT NULL,
    `failedLoginCount` INTEGER NOT NULL DEFAULT 0,
    `lockedUntil` DATETIME(3) NULL,
    `disabled` BOOLEAN NOT NULL DEFAULT false,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `User_email_key`(`email`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Session` (
    `id` VARCHAR(191) NOT NULL,
    `tokenHash` CHAR(64) NOT NULL,
    `userId` VARCHAR(191) NOT NULL,
    `csrfToken` CHAR(64) NOT NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `lastSeenAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE INDEX `Session_tokenHash_key`(`tokenHash`),
    INDEX `Session_userId_idx`(`userId`),
    INDEX `Session_expiresAt_idx`(`expiresAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Patient` (
    `id` VARCHAR(191) NOT NULL,
    `practitionerId` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `age` INTEGER NOT NULL,
    `sex` ENUM('female', 'male', 'other') NOT NULL,
    `phone` VARCHAR(32) NULL,
    `temperament` ENUM('damvi', 'balghami', 'safravi', 'saudavi') NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    `deletedAt` DATETIME(3) NULL,
    INDEX `Patient_practitionerId_deletedAt_createdAt_idx`(`practitionerId`, `deletedAt`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Encounter` (
    `id` VARCHAR(191) NOT NULL,
    `patientId` VARCHAR(191) NOT NULL,
    `practitionerId` VARCHAR(191) NOT NULL,
    `complaint` TEXT NOT NULL,
    `temperament` ENUM('damvi', 'balghami', 'safravi', 'saudavi') NULL,
    `nabzNotes` TEXT NULL,
    `status` ENUM('open', 'analysed', 'diagnosed', 'planned', 'closed') NOT NULL DEFAULT 'open',
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    INDEX `Encounter_patientId_createdAt_idx`(`patientId`, `createdAt`),
    INDEX `Encounter_practitionerId_createdAt_idx`(`practitionerId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Finding` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `encounterId` VARCHAR(191) NOT NULL,
    `symptomId` INTEGER NOT NULL,
    `present` BOOLEAN NOT NULL,
    `uncertain` BOOLEAN NOT NULL DEFAULT false,
    `durationDays` DOUBLE NULL,
    `severity` ENUM('mild', 'moderate', 'severe') NULL,
    `origin` ENUM('text', 'picked', 'question') NOT NULL,
    `spanStart` INTEGER NULL,
    `spanEnd` INTEGER NULL,
    INDEX `Finding_encounterId_idx`(`encounterId`),
    INDEX `Finding_symptomId_idx`(`symptomId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Suggestion` (
    `id` VARCHAR(191) NOT NULL,
    `encounterId` VARCHAR(191) NOT NULL,
    `modelVersionId` VARCHAR(191) NULL,
    `modelVersion` VARCHAR(191) NOT NULL,
    `differential` JSON NOT NULL,
    `redFlags` JSON NOT NULL,
    `nextQuestions` JSON NOT NULL,
    `topDiseaseCode` VARCHAR(191) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    INDEX `Suggestion_encounterId_createdAt_idx`(`encounterId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Diagnosis` (
    `id` VARCHAR(191) NOT NULL,
    `encounterId` VARCHAR(191) NOT NULL,
    `diseaseId` INTEGER NOT NULL,
    `confirmedById` VARCHAR(191) NOT NULL,
    `note` TEXT NULL,
    `fromSuggestion` BOOLEAN NOT NULL DEFAULT false,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE INDEX `Diagnosis_encounterId_key`(`encounterId`),
    INDEX `Diagnosis_diseaseId_createdAt_idx`(`diseaseId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `TreatmentPlan` (
    `id` VARCHAR(191) NOT NULL,
    `encounterId` VARCHAR(191) NOT NULL,
    `advice` TEXT NULL,
    `followUp` VARCHAR(500) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `TreatmentPlan_encounterId_key`(`encounterId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `TreatmentPlanItem` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `planId` VARCHAR(191) NOT NULL,
    `position` INTEGER NOT NULL,
    `kind` ENUM('dawa', 'ghiza', 'tadbeer', 'advice') NOT NULL,
    `formulationCode` VARCHAR(191) NULL,
    `singleDrugCode` VARCHAR(191) NULL,
    `text` TEXT NOT NULL,
    `dose` VARCHAR(500) NULL,
    `duration` VARCHAR(191) NULL,
    `avoid` BOOLEAN NOT NULL DEFAULT false,
    UNIQUE INDEX `TreatmentPlanItem_planId_position_key`(`planId`, `position`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PatientNote` (
    `id` VARCHAR(191) NOT NULL,
    `encounterId` VARCHAR(191) NOT NULL,
    `language` ENUM('en', 'ur') NOT NULL,
    `tokenHash` CHAR(64) NOT NULL,
    `content` JSON NOT NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `revokedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE INDEX `PatientNote_tokenHash_key`(`tokenHash`),
    INDEX `PatientNote_encounterId_idx`(`encounterId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ApiKey` (
    `id` VARCHAR(191) NOT NULL,
    `ownerId` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `prefix` VARCHAR(16) NOT NULL,
    `keyHash` CHAR(64) NOT NULL,
    `scopes` JSON NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `lastUsedAt` DATETIME(3) NULL,
    `revokedAt` DATETIME(3) NULL,
    UNIQUE INDEX `ApiKey_keyHash_key`(`keyHash`),
    INDEX `ApiKey_ownerId_idx`(`ownerId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AuditLog` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `actorId` VARCHAR(191) NULL,
    `actorKind` VARCHAR(16) NOT NULL,
    `action` VARCHAR(64) NOT NULL,
    `entity` VARCHAR(32) NOT NULL,
    `entityId` VARCHAR(191) NULL,
    `outcome` VARCHAR(16) NOT NULL,
    `requestId` VARCHAR(64) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    INDEX `AuditLog_actorId_createdAt_idx`(`actorId`, `createdAt`),
    INDEX `AuditLog_entity_entityId_idx`(`entity`, `entityId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ModelVersion` (
    `id` VARCHAR(191) NOT NULL,
    `version` VARCHAR(191) NOT NULL,
    `knowledgeHash` CHAR(64) NOT NULL,
    `trainingDataHash` CHAR(64) NOT NULL,
    `backend` VARCHAR(32) NOT NULL,
    `metrics` JSON NOT NULL,
    `artifactPath` VARCHAR(1000) NOT NULL,
    `current` BOOLEAN NOT NULL DEFAULT false,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE INDEX `ModelVersion_version_key`(`version`),
    INDEX `ModelVersion_current_idx`(`current`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Citation` ADD CONSTRAINT `Citation_sourceId_fkey` FOREIGN KEY (`sourceId`) REFERENCES `Source`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `DiseaseSymptom` ADD CONSTRAINT `DiseaseSymptom_diseaseId_fkey` FOREIGN KEY (`diseaseId`) REFERENCES `Disease`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `DiseaseSymptom` ADD CONSTRAINT `DiseaseSymptom_symptomId_fkey` FOREIGN KEY (`symptomId`) REFERENCES `Symptom`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `FormulationIngredient` ADD CONSTRAINT `FormulationIngredient_formulationId_fkey` FOREIGN KEY (`formulationId`) REFERENCES `Formulation`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `FormulationIngredient` ADD CONSTRAINT `FormulationIngredient_singleDrugId_fkey` FOREIGN KEY (`singleDrugId`) REFERENCES `SingleDrug`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `TreatmentProtocol` ADD CONSTRAINT `TreatmentProtocol_diseaseId_fkey` FOREIGN KEY (`diseaseId`) REFERENCES `Disease`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `TreatmentProtocolItem` ADD CONSTRAINT `TreatmentProtocolItem_protocolId_fkey` FOREIGN KEY (`protocolId`) REFERENCES `TreatmentProtocol`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Session` ADD CONSTRAINT `Session_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Patient` ADD CONSTRAINT `Patient_practitionerId_fkey` FOREIGN KEY (`practitionerId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Encounter` ADD CONSTRAINT `Encounter_patientId_fkey` FOREIGN KEY (`patientId`) REFERENCES `Patient`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Encounter` ADD CONSTRAINT `Encounter_practitionerId_fkey` FOREIGN KEY (`practitionerId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Finding` ADD CONSTRAINT `Finding_encounterId_fkey` FOREIGN KEY (`encounterId`) REFERENCES `Encounter`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Finding` ADD CONSTRAINT `Finding_symptomId_fkey` FOREIGN KEY (`symptomId`) REFERENCES `Symptom`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Suggestion` ADD CONSTRAINT `Suggestion_encounterId_fkey` FOREIGN KEY (`encounterId`) REFERENCES `Encounter`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Suggestion` ADD CONSTRAINT `Suggestion_modelVersionId_fkey` FOREIGN KEY (`modelVersionId`) REFERENCES `ModelVersion`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Diagnosis` ADD CONSTRAINT `Diagnosis_encounterId_fkey` FOREIGN KEY (`encounterId`) REFERENCES `Encounter`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Diagnosis` ADD CONSTRAINT `Diagnosis_diseaseId_fkey` FOREIGN KEY (`diseaseId`) REFERENCES `Disease`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Diagnosis` ADD CONSTRAINT `Diagnosis_confirmedById_fkey` FOREIGN KEY (`confirmedById`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `TreatmentPlan` ADD CONSTRAINT `TreatmentPlan_encounterId_fkey` FOREIGN KEY (`encounterId`) REFERENCES `Encounter`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `TreatmentPlanItem` ADD CONSTRAINT `TreatmentPlanItem_planId_fkey` FOREIGN KEY (`planId`) REFERENCES `TreatmentPlan`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `PatientNote` ADD CONSTRAINT `PatientNote_encounterId_fkey` FOREIGN KEY (`encounterId`) REFERENCES `Encounter`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ApiKey` ADD CONSTRAINT `ApiKey_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AuditLog` ADD CONSTRAINT `AuditLog_actorId_fkey` FOREIGN KEY (`actorId`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
