-- A member's phone number, entered by the case's family inspector for this case only (like the name), sealed like
-- other personal data: AES-256-GCM bound to the membership's id, with the key id on the row. Never used to sign in
-- or to mail.
ALTER TABLE investigation_member
    ADD COLUMN phone_key_id VARCHAR(32)    NULL,
    ADD COLUMN phone        VARBINARY(255) NULL,
    ADD CONSTRAINT investigation_member_phone_sealed CHECK ((phone_key_id IS NULL) = (phone IS NULL));

-- A mail that failed for good and was sent again (to a corrected address) names the mail that took its place, so
-- the dashboard stops asking to phone about it; the failed row itself stays as it was.
ALTER TABLE outbox ADD COLUMN resent_as CHAR(36) NULL;
