-- Four eyes for administrators: creating a staff account and assigning a case's staff are requested by one
-- administrator and take effect only when a different administrator approves them. The request keeps what was asked
-- (staff details or the case's new staff, as JSON: no case content) and who decided, for the audit trail's sake.
CREATE TABLE approval_request (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    kind         VARCHAR(20)   NOT NULL,
    case_id      CHAR(36)      NULL,
    details      VARCHAR(4000) NOT NULL,
    status       VARCHAR(10)   NOT NULL,
    requested_by CHAR(36)      NOT NULL,
    requested_at DATETIME(6)   NOT NULL,
    decided_by   CHAR(36)      NULL,
    decided_at   DATETIME(6)   NULL,
    CONSTRAINT approval_request_kind CHECK (kind IN ('STAFF_ACCOUNT', 'CASE_STAFF')),
    CONSTRAINT approval_request_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    -- The heart of it: nobody decides on their own request.
    CONSTRAINT approval_request_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by),
    CONSTRAINT approval_request_case FOREIGN KEY (case_id) REFERENCES investigation (id),
    CONSTRAINT approval_request_requester FOREIGN KEY (requested_by) REFERENCES account (id),
    CONSTRAINT approval_request_decider FOREIGN KEY (decided_by) REFERENCES account (id),
    INDEX approval_request_pending (status, requested_at)
) ENGINE = InnoDB;

-- The name the family inspector entered when inviting someone to this case. An address may already have an account
-- from another case; this case's staff see only what was entered for this case, never another inviter's name.
ALTER TABLE investigation_member
    ADD COLUMN display_name VARCHAR(200) NULL;
