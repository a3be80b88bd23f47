-- A protocol without medicine says why (the patient goes to a surgeon first, or no medicine could be confirmed).
ALTER TABLE `TreatmentProtocol` ADD COLUMN `noDawa` TEXT NULL;
