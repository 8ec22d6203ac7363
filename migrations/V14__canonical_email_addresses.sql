-- Email addresses are compared byte for byte: under utf8mb4_unicode_ci 'anna@example.org' and 'ánna@example.org'
-- were one address (one account, one invitation), although they are two mailboxes. The service now stores one
-- canonical form (trimmed, NFC, case-folded, domain in its IDNA ASCII form) and the columns use a binary collation.
-- Existing rows are brought as close to that form as SQL allows: trimmed and case-folded. The service always
-- lower-cased addresses before it stored them, so this finds nothing to change in practice, and it cannot create
-- duplicates: the unique keys were already case-insensitive. (NFC and the IDNA form of a non-ASCII domain cannot be
-- computed in SQL; such addresses keep their Unicode domain and are found again once re-entered in canonical form.)

UPDATE account SET email = LOWER(TRIM(email)) WHERE email <> BINARY LOWER(TRIM(email));

ALTER TABLE account
    MODIFY email VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

UPDATE outbox SET recipient_email = LOWER(TRIM(recipient_email))
 WHERE recipient_email <> BINARY LOWER(TRIM(recipient_email));

ALTER TABLE outbox
    MODIFY recipient_email VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
