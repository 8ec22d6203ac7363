-- Each stage of an overdue next-update promise is acted on once: the row is written in the transaction that queues
-- its mail, and its key refuses a second one (several instances may run the check at once).
CREATE TABLE promise_escalation (
    investigation_id CHAR(36)    NOT NULL,
    promised_by      DATE        NOT NULL,
    stage            VARCHAR(12) NOT NULL,
    family_inspector CHAR(36)    NULL,
    created_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (investigation_id, promised_by, stage),
    CONSTRAINT promise_escalation_stage CHECK (stage IN ('SOON', 'DUE', 'ESCALATED')),
    CONSTRAINT promise_escalation_case FOREIGN KEY (investigation_id) REFERENCES investigation (id),
    INDEX promise_escalation_by_stage (stage, created_at)
) ENGINE = InnoDB;
