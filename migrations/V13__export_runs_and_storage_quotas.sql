-- Nothing can be exhausted: at most one export per member at a time, and storage quotas for uploads.
--
-- A running export holds a lease on its member's row. The instance streaming it renews the lease as it goes and
-- deletes the row when it ends (finished or failed); an instance that is killed leaves the row behind, and once
-- expires_at has passed the next export takes it over, so a dead instance never blocks the member for long.
CREATE TABLE export_run (
    account_id CHAR(36)    NOT NULL PRIMARY KEY,
    run_id     CHAR(36)    NOT NULL,
    expires_at DATETIME(6) NOT NULL
) ENGINE = InnoDB;

-- Quotas add up the stored sizes of an account's and of a case's uploads before each upload; these indexes answer
-- that from the index alone, without touching the rows that hold the file contents.
CREATE INDEX message_attachment_size_by_uploader ON message_attachment (uploader_id, size_bytes);
CREATE INDEX message_attachment_size_by_case ON message_attachment (investigation_id, size_bytes);

-- One row per account and per case that has uploaded: an upload locks its account's row, then its case's (always in
-- that order), before it adds up what is stored, so two uploads at the same moment cannot both squeeze past a quota.
-- Locking raises version: a real change, so on Galera two uploads through two nodes conflict at commit (and the loser
-- is retried) instead of both passing.
CREATE TABLE upload_quota_lock (
    kind     VARCHAR(10) NOT NULL,
    owner_id CHAR(36)    NOT NULL,
    version  BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, owner_id),
    CONSTRAINT upload_quota_lock_kind CHECK (kind IN ('account', 'case'))
) ENGINE = InnoDB;
