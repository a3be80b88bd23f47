-- A stored analysis keeps whether its picture was incomplete and whether it lay outside the knowledge base.
ALTER TABLE `Suggestion` ADD COLUMN `incomplete` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `outsideKnowledge` BOOLEAN NOT NULL DEFAULT false;
