-- Urdu for the patient's note (disease descriptions, protocol diet/regimen/advice) and doses in parts.
ALTER TABLE `Disease` ADD COLUMN `descriptionUrdu` TEXT NULL,
    ADD COLUMN `descriptionUrduReview` BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE `TreatmentProtocolItem` ADD COLUMN `textUrdu` TEXT NULL,
    ADD COLUMN `urduReview` BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE `TreatmentPlanItem` ADD COLUMN `prescription` JSON NULL;
