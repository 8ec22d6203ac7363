-- Administrators handle feedback and complaints: each has a handling status (received, in progress, answered) with
-- who changed it last and when (every change is also in the audit trail).
ALTER TABLE feedback
    ADD COLUMN status            VARCHAR(12) NOT NULL DEFAULT 'RECEIVED',
    ADD COLUMN status_changed_at DATETIME(6) NULL,
    ADD COLUMN status_changed_by CHAR(36)    NULL,
    ADD CONSTRAINT feedback_status CHECK (status IN ('RECEIVED', 'IN_PROGRESS', 'ANSWERED'));

-- A mail that failed for good keeps when it failed and why, as a category an administrator can act on (the scrubbed
-- error text stays in last_error for operators). Rows that failed before this keep their category from that text.
ALTER TABLE outbox
    ADD COLUMN failure_reason VARCHAR(20) NULL,
    ADD COLUMN failed_at      DATETIME(6) NULL,
    ADD CONSTRAINT outbox_failure_reason CHECK (failure_reason IS NULL OR failure_reason IN
        ('ADDRESS_REFUSED', 'MAIL_REFUSED', 'TEMPLATE_MISSING', 'GAVE_UP'));

UPDATE outbox
   SET failed_at = due_at,
       failure_reason = CASE
           WHEN last_error LIKE 'SendFailedException%' OR last_error LIKE 'MailValidationException%'
               THEN 'ADDRESS_REFUSED'
           WHEN last_error LIKE 'EmailTooBigException%' THEN 'MAIL_REFUSED'
           WHEN last_error LIKE 'MissingTemplate%' THEN 'TEMPLATE_MISSING'
           ELSE 'GAVE_UP' END
 WHERE status = 'FAILED';

CREATE INDEX outbox_failed ON outbox (status, failed_at);
