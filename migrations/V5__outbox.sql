-- The notification outbox: written in the same transaction as the change that causes a mail, delivered by workers
-- on every instance (claimed with FOR UPDATE SKIP LOCKED and a lease), retried with backoff, never sent twice for
-- one event and recipient. The template values are encrypted and erased once the mail has gone.

CREATE TABLE outbox (
    id               CHAR(36)       NOT NULL PRIMARY KEY,
    event_key        VARCHAR(150)   NOT NULL,
    recipient_id     CHAR(36)       NULL,
    recipient_email  VARCHAR(254)   NOT NULL,
    template         VARCHAR(64)    NOT NULL,
    language         CHAR(2)        NOT NULL,
    values_key_id    VARCHAR(32)    NULL,
    template_values  VARBINARY(8192) NULL,
    priority         TINYINT        NOT NULL,
    status           VARCHAR(10)    NOT NULL,
    attempts         INT            NOT NULL DEFAULT 0,
    created_at       DATETIME(6)    NOT NULL,
    due_at           DATETIME(6)    NOT NULL,
    lease_until      DATETIME(6)    NULL,
    leased_by        VARCHAR(64)    NULL,
    sent_at          DATETIME(6)    NULL,
    last_error       VARCHAR(255)   NULL,
    CONSTRAINT outbox_once UNIQUE (event_key, recipient_email),
    CONSTRAINT outbox_status CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    INDEX outbox_due (status, priority, due_at)
) ENGINE = InnoDB;
