-- The end of an investigation: pre-publication briefings, closing with aftercare, retention, members' requests to be
-- removed, and feedback. Free texts (remarks, notes, feedback) are encrypted at rest like messages; the briefing's
-- file is a message attachment (same encrypted storage), held for the briefing instead of a message.

-- Closing: when the case closed and until when its members keep access (the aftercare period); set once the
-- retention job has purged its content.
ALTER TABLE investigation
    ADD COLUMN closed_at      DATETIME(6) NULL,
    ADD COLUMN access_ends_at DATETIME(6) NULL,
    ADD COLUMN purged_at      DATETIME(6) NULL;

CREATE TABLE briefing (
    id               CHAR(36)        NOT NULL PRIMARY KEY,
    investigation_id CHAR(36)        NOT NULL,
    shared_by        CHAR(36)        NOT NULL,
    attachment_id    CHAR(36)        NOT NULL,
    publication_date DATE            NOT NULL,
    remarks_until    DATETIME(6)     NOT NULL,
    note_key_id      VARCHAR(32)     NOT NULL,
    note             VARBINARY(8192) NOT NULL,
    -- Set at publication: the public report's address and the timeline entry that announced it.
    public_url       VARCHAR(500)    NULL,
    published_at     DATETIME(6)     NULL,
    created_at       DATETIME(6)     NOT NULL,
    CONSTRAINT briefing_case FOREIGN KEY (investigation_id) REFERENCES investigation (id),
    CONSTRAINT briefing_author FOREIGN KEY (shared_by) REFERENCES account (id),
    CONSTRAINT briefing_file FOREIGN KEY (attachment_id) REFERENCES message_attachment (id),
    CONSTRAINT briefing_published CHECK ((public_url IS NULL) = (published_at IS NULL)),
    INDEX briefing_by_case (investigation_id, created_at)
) ENGINE = InnoDB;

-- The chosen members, when each one opened the file (after the warning), and whether they asked to have it
-- explained in a meeting instead (and the interview proposal the family inspector made for it).
CREATE TABLE briefing_member (
    briefing_id          CHAR(36)    NOT NULL,
    member_id            CHAR(36)    NOT NULL,
    opened_at            DATETIME(6) NULL,
    meeting_requested_at DATETIME(6) NULL,
    meeting_proposal_id  CHAR(36)    NULL,
    PRIMARY KEY (briefing_id, member_id),
    CONSTRAINT briefing_member_briefing FOREIGN KEY (briefing_id) REFERENCES briefing (id),
    CONSTRAINT briefing_member_member FOREIGN KEY (member_id) REFERENCES investigation_member (id),
    CONSTRAINT briefing_member_proposal FOREIGN KEY (meeting_proposal_id) REFERENCES interview_proposal (id),
    INDEX briefing_member_by_member (member_id)
) ENGINE = InnoDB;

CREATE TABLE briefing_remark (
    id          CHAR(36)        NOT NULL PRIMARY KEY,
    briefing_id CHAR(36)        NOT NULL,
    member_id   CHAR(36)        NOT NULL,
    text_key_id VARCHAR(32)     NOT NULL,
    text        VARBINARY(16384) NOT NULL,
    posted_at   DATETIME(6)     NOT NULL,
    CONSTRAINT briefing_remark_of FOREIGN KEY (briefing_id, member_id) REFERENCES briefing_member (briefing_id, member_id),
    INDEX briefing_remark_by_briefing (briefing_id, posted_at)
) ENGINE = InnoDB;

-- A file held for a briefing is not a waiting upload: it is never cleaned up as one, and only the briefing's
-- routes hand it out.
ALTER TABLE message_attachment
    ADD COLUMN held_for_briefing BOOLEAN NOT NULL DEFAULT FALSE;

-- A member's request to be removed; the family inspector of one of their cases confirms it, then their personal
-- data is erased. The row keeps only ids and times.
CREATE TABLE removal_request (
    id           CHAR(36)    NOT NULL PRIMARY KEY,
    account_id   CHAR(36)    NOT NULL,
    requested_at DATETIME(6) NOT NULL,
    confirmed_by CHAR(36)    NULL,
    confirmed_at DATETIME(6) NULL,
    CONSTRAINT removal_request_account FOREIGN KEY (account_id) REFERENCES account (id),
    INDEX removal_request_open (confirmed_at, requested_at)
) ENGINE = InnoDB;

-- Feedback or a complaint about the service or the family liaison. It goes to a configured address, not to the
-- family inspector; the text is encrypted, and the mail only says that there is new feedback.
CREATE TABLE feedback (
    id               CHAR(36)         NOT NULL PRIMARY KEY,
    account_id       CHAR(36)         NULL,
    investigation_id CHAR(36)         NULL,
    kind             VARCHAR(10)      NOT NULL,
    about            VARCHAR(20)      NOT NULL,
    text_key_id      VARCHAR(32)      NOT NULL,
    text             VARBINARY(16384) NOT NULL,
    created_at       DATETIME(6)      NOT NULL,
    CONSTRAINT feedback_kind CHECK (kind IN ('FEEDBACK', 'COMPLAINT')),
    CONSTRAINT feedback_about CHECK (about IN ('SERVICE', 'FAMILY_LIAISON')),
    CONSTRAINT feedback_account FOREIGN KEY (account_id) REFERENCES account (id),
    INDEX feedback_by_time (created_at)
) ENGINE = InnoDB;
