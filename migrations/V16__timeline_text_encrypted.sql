-- Timeline texts (updates, corrections, closing texts and publication notes) are encrypted at rest like message
-- bodies: AES-256-GCM with the row's id as associated data, and the id of the key on every row.
--
-- The key lives in configuration, not in the database, so this file cannot encrypt: it moves the existing texts to
-- body_plain, and at start-up the service seals every row that still has one, in small batches, emptying
-- body_plain as it goes (see cases.PlaintextUpdates). New rows never have a body_plain. Once every installation
-- has started at least once with this version, a later migration drops body_plain.
ALTER TABLE investigation_update
    CHANGE COLUMN body body_plain TEXT NULL,
    ADD COLUMN body_key_id VARCHAR(32) NULL AFTER body_plain,
    ADD COLUMN body        BLOB        NULL AFTER body_key_id,
    -- Each row holds its text one way only: sealed (with its key id) or, until start-up seals it, in body_plain.
    ADD CONSTRAINT investigation_update_sealed
        CHECK ((body_key_id IS NULL) = (body IS NULL) AND (body IS NULL) <> (body_plain IS NULL));

-- Finds the rows start-up still has to seal without scanning (and, under FOR UPDATE, locking) the whole table;
-- dropped with body_plain.
CREATE INDEX investigation_update_plain ON investigation_update (body_key_id);
