-- After an interview staff record whether it was held (V19) with a note for staff only, sealed like the other free
-- texts of scheduling, and who recorded it.
ALTER TABLE appointment
    ADD COLUMN outcome_note_key_id VARCHAR(32)     NULL,
    ADD COLUMN outcome_note        VARBINARY(8192) NULL,
    ADD COLUMN outcome_recorded_by CHAR(36)        NULL,
    ADD CONSTRAINT appointment_outcome_by FOREIGN KEY (outcome_recorded_by) REFERENCES account (id);
