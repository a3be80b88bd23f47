-- Share links of patients deleted before deletion revoked them: revoked now, so no link outlives its patient.
UPDATE `PatientNote` AS `n`
  JOIN `Encounter` AS `e` ON `e`.`id` = `n`.`encounterId`
  JOIN `Patient` AS `p` ON `p`.`id` = `e`.`patientId`
SET `n`.`revokedAt` = CURRENT_TIMESTAMP(3)
WHERE `p`.`deletedAt` IS NOT NULL AND `n`.`revokedAt` IS NULL;

-- Links could be made for up to a year; none lasts more than 90 days from its creation now, and the note the
-- patient sees says so.
UPDATE `PatientNote`
SET `expiresAt` = DATE_ADD(`createdAt`, INTERVAL 90 DAY),
    `content` = JSON_SET(`content`, '$.expiresAt', CONCAT(
      DATE_FORMAT(DATE_ADD(`createdAt`, INTERVAL 90 DAY), '%Y-%m-%dT%H:%i:%s.'),
      LPAD(FLOOR(MICROSECOND(`createdAt`) / 1000), 3, '0'), 'Z'))
WHERE `expiresAt` > DATE_ADD(`createdAt`, INTERVAL 90 DAY);
