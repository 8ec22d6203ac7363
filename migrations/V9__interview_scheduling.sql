-- Interview scheduling: proposals with 1-5 time slots, each invited member's answer, appointments confirmed from a
-- slot, the staff and members taking part, and every change to an appointment as history. Times are UTC; free
-- texts (place, note, reasons, a member's own suggestion) are encrypted at rest like messages.

CREATE TABLE interview_proposal (
    id               CHAR(36)        NOT NULL PRIMARY KEY,
    investigation_id CHAR(36)        NOT NULL,
    proposed_by      CHAR(36)        NOT NULL,
    interview_mode   VARCHAR(10)     NOT NULL,
    details_key_id   VARCHAR(32)     NOT NULL,
    details          VARBINARY(8192) NOT NULL,
    status           VARCHAR(10)     NOT NULL,
    created_at       DATETIME(6)     NOT NULL,
    updated_at       DATETIME(6)     NOT NULL,
    CONSTRAINT interview_proposal_mode CHECK (interview_mode IN ('IN_PERSON', 'VIDEO', 'PHONE')),
    CONSTRAINT interview_proposal_status CHECK (status IN ('OPEN', 'CONFIRMED', 'WITHDRAWN')),
    CONSTRAINT interview_proposal_case FOREIGN KEY (investigation_id) REFERENCES investigation (id),
    CONSTRAINT interview_proposal_author FOREIGN KEY (proposed_by) REFERENCES account (id),
    INDEX interview_proposal_by_case (investigation_id, created_at)
) ENGINE = InnoDB;

CREATE TABLE interview_slot (
    id          CHAR(36)    NOT NULL PRIMARY KEY,
    proposal_id CHAR(36)    NOT NULL,
    position    TINYINT     NOT NULL,
    starts_at   DATETIME(6) NOT NULL,
    ends_at     DATETIME(6) NOT NULL,
    CONSTRAINT interview_slot_once UNIQUE (proposal_id, position),
    CONSTRAINT interview_slot_order CHECK (ends_at > starts_at),
    CONSTRAINT interview_slot_proposal FOREIGN KEY (proposal_id) REFERENCES interview_proposal (id)
) ENGINE = InnoDB;

CREATE TABLE interview_proposal_staff (
    proposal_id CHAR(36) NOT NULL,
    account_id  CHAR(36) NOT NULL,
    PRIMARY KEY (proposal_id, account_id),
    CONSTRAINT proposal_staff_proposal FOREIGN KEY (proposal_id) REFERENCES interview_proposal (id),
    CONSTRAINT proposal_staff_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB;

CREATE TABLE interview_proposal_member (
    proposal_id CHAR(36) NOT NULL,
    member_id   CHAR(36) NOT NULL,
    PRIMARY KEY (proposal_id, member_id),
    CONSTRAINT proposal_member_proposal FOREIGN KEY (proposal_id) REFERENCES interview_proposal (id),
    CONSTRAINT proposal_member_member FOREIGN KEY (member_id) REFERENCES investigation_member (id),
    INDEX proposal_member_by_member (member_id)
) ENGINE = InnoDB;

-- One answer per invited member; answering again replaces it (until the proposal is confirmed).
CREATE TABLE interview_answer (
    proposal_id    CHAR(36)        NOT NULL,
    member_id      CHAR(36)        NOT NULL,
    choice         VARCHAR(12)     NOT NULL,
    slot_id        CHAR(36)        NULL,
    details_key_id VARCHAR(32)     NOT NULL,
    details        VARBINARY(8192) NOT NULL,
    answered_at    DATETIME(6)     NOT NULL,
    PRIMARY KEY (proposal_id, member_id),
    CONSTRAINT interview_answer_choice CHECK (choice IN ('SLOT', 'DECLINE', 'OTHER_TIMES')),
    CONSTRAINT interview_answer_invited FOREIGN KEY (proposal_id, member_id)
        REFERENCES interview_proposal_member (proposal_id, member_id),
    CONSTRAINT interview_answer_slot FOREIGN KEY (slot_id) REFERENCES interview_slot (id)
) ENGINE = InnoDB;

CREATE TABLE appointment (
    id               CHAR(36)        NOT NULL PRIMARY KEY,
    investigation_id CHAR(36)        NOT NULL,
    proposal_id      CHAR(36)        NOT NULL,
    interview_mode   VARCHAR(10)     NOT NULL,
    details_key_id   VARCHAR(32)     NOT NULL,
    details          VARBINARY(8192) NOT NULL,
    starts_at        DATETIME(6)     NOT NULL,
    ends_at          DATETIME(6)     NOT NULL,
    status           VARCHAR(10)     NOT NULL,
    sequence         INT             NOT NULL,
    created_at       DATETIME(6)     NOT NULL,
    updated_at       DATETIME(6)     NOT NULL,
    CONSTRAINT appointment_of_proposal UNIQUE (proposal_id),
    CONSTRAINT appointment_status CHECK (status IN ('CONFIRMED', 'CANCELLED')),
    CONSTRAINT appointment_order CHECK (ends_at > starts_at),
    CONSTRAINT appointment_case FOREIGN KEY (investigation_id) REFERENCES investigation (id),
    CONSTRAINT appointment_proposal FOREIGN KEY (proposal_id) REFERENCES interview_proposal (id),
    INDEX appointment_by_case (investigation_id, starts_at)
) ENGINE = InnoDB;

-- The staff taking part, with the appointment's time copied in so that a clash is one indexed lookup per person.
CREATE TABLE appointment_staff (
    appointment_id CHAR(36)    NOT NULL,
    account_id     CHAR(36)    NOT NULL,
    starts_at      DATETIME(6) NOT NULL,
    ends_at        DATETIME(6) NOT NULL,
    active         BOOLEAN     NOT NULL,
    PRIMARY KEY (appointment_id, account_id),
    CONSTRAINT appointment_staff_appointment FOREIGN KEY (appointment_id) REFERENCES appointment (id),
    CONSTRAINT appointment_staff_account FOREIGN KEY (account_id) REFERENCES account (id),
    INDEX appointment_staff_agenda (account_id, active, starts_at)
) ENGINE = InnoDB;

CREATE TABLE appointment_member (
    appointment_id CHAR(36) NOT NULL,
    member_id      CHAR(36) NOT NULL,
    PRIMARY KEY (appointment_id, member_id),
    CONSTRAINT appointment_member_appointment FOREIGN KEY (appointment_id) REFERENCES appointment (id),
    CONSTRAINT appointment_member_member FOREIGN KEY (member_id) REFERENCES investigation_member (id),
    INDEX appointment_member_by_member (member_id)
) ENGINE = InnoDB;

-- What happened to an appointment, in order: confirmed, rescheduled, cancelled, and members' requests to change.
CREATE TABLE appointment_change (
    id             CHAR(36)        NOT NULL PRIMARY KEY,
    appointment_id CHAR(36)        NOT NULL,
    position       INT             NOT NULL,
    kind           VARCHAR(24)     NOT NULL,
    actor_id       CHAR(36)        NOT NULL,
    starts_at      DATETIME(6)     NULL,
    ends_at        DATETIME(6)     NULL,
    reason_key_id  VARCHAR(32)     NOT NULL,
    reason         VARBINARY(4096) NOT NULL,
    changed_at     DATETIME(6)     NOT NULL,
    CONSTRAINT appointment_change_once UNIQUE (appointment_id, position),
    CONSTRAINT appointment_change_kind CHECK (kind IN ('CONFIRMED', 'RESCHEDULED', 'CANCELLED',
        'RESCHEDULE_REQUESTED', 'CANCEL_REQUESTED')),
    CONSTRAINT appointment_change_appointment FOREIGN KEY (appointment_id) REFERENCES appointment (id),
    CONSTRAINT appointment_change_actor FOREIGN KEY (actor_id) REFERENCES account (id)
) ENGINE = InnoDB;
