-- After an interview, staff record whether it was held. NULL means not recorded yet; the figures on how well
-- families are kept informed count held and not-held interviews from these two columns.
ALTER TABLE appointment
    ADD COLUMN outcome             VARCHAR(10) NULL,
    ADD COLUMN outcome_recorded_at DATETIME(6) NULL,
    ADD CONSTRAINT appointment_outcome CHECK (outcome IS NULL OR outcome IN ('HELD', 'NOT_HELD'));
