-- Type-specific protocol items: the humoural types of the disease an item treats (null for every type).
ALTER TABLE `TreatmentProtocolItem` ADD COLUMN `forTypes` JSON NULL;
