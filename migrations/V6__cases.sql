-- Cases (investigations), the staff assigned to them, their members, timeline updates with corrections and read
-- marks. Table names avoid the SQL word CASE.

CREATE TABLE investigation (
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    reference           VARCHAR(40)  NOT NULL,
    title               VARCHAR(200) NOT NULL,
    incident_date       DATE         NOT NULL,
    status              VARCHAR(10)  NOT NULL,
    phase_code          VARCHAR(32)  NOT NULL,
    update_cadence_days INT          NOT NULL,
    next_update_by      DATE         NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    CONSTRAINT investigation_reference UNIQUE (reference),
    CONSTRAINT investigation_status CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT investigation_cadence CHECK (update_cadence_days BETWEEN 1 AND 180),
    CONSTRAINT investigation_phase FOREIGN KEY (phase_code) REFERENCES phase (code)
) ENGINE = InnoDB;

CREATE TABLE investigation_staff (
    investigation_id CHAR(36)    NOT NULL,
    account_id       CHAR(36)    NOT NULL,
    role             VARCHAR(20) NOT NULL,
    assigned_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (investigation_id, account_id),
    CONSTRAINT investigation_staff_role CHECK (role IN ('FAMILY_INSPECTOR', 'INVESTIGATOR')),
    CONSTRAINT investigation_staff_case FOREIGN KEY (investigation_id) REFERENCES investigation (id),
    CONSTRAINT investigation_staff_account FOREIGN KEY (account_id) REFERENCES account (id),
    INDEX investigation_staff_by_account (account_id)
) ENGINE = InnoDB;

CREATE TABLE investigation_member (
    id                  CHAR(36)    NOT NULL PRIMARY KEY,
    investigation_id    CHAR(36)    NOT NULL,
    account_id          CHAR(36)    NOT NULL,
    relation            VARCHAR(20) NOT NULL,
    represents_member   CHAR(36)    NULL,
    invited_by          CHAR(36)    NOT NULL,
    invited_at          DATETIME(6) NOT NULL,
    ended_at            DATETIME(6) NULL,
    CONSTRAINT investigation_member_once UNIQUE (investigation_id, account_id),
    CONSTRAINT investigation_member_relation CHECK (relation IN ('VICTIM', 'PARTNER', 'PARENT', 'CHILD', 'SIBLING',
        'OTHER_KIN', 'LAWYER', 'GUARDIAN', 'SUPPORT_WORKER')),
    CONSTRAINT investigation_member_case FOREIGN KEY (investigation_id) REFERENCES investigation (id),
    CONSTRAINT investigation_member_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT investigation_member_represents FOREIGN KEY (represents_member) REFERENCES investigation_member (id),
    INDEX investigation_member_by_account (account_id)
) ENGINE = InnoDB;

CREATE TABLE investigation_update (
    id               CHAR(36)    NOT NULL PRIMARY KEY,
    investigation_id CHAR(36)    NOT NULL,
    phase_code       VARCHAR(32) NOT NULL,
    author_id        CHAR(36)    NOT NULL,
    body             TEXT        NOT NULL,
    for_all_members  BOOLEAN     NOT NULL,
    corrects         CHAR(36)    NULL,
    posted_at        DATETIME(6) NOT NULL,
    CONSTRAINT investigation_update_case FOREIGN KEY (investigation_id) REFERENCES investigation (id),
    CONSTRAINT investigation_update_phase FOREIGN KEY (phase_code) REFERENCES phase (code),
    CONSTRAINT investigation_update_corrects FOREIGN KEY (corrects) REFERENCES investigation_update (id),
    INDEX investigation_update_timeline (investigation_id, posted_at)
) ENGINE = InnoDB;

CREATE TABLE investigation_update_member (
    update_id  CHAR(36) NOT NULL,
    member_id  CHAR(36) NOT NULL,
    PRIMARY KEY (update_id, member_id),
    CONSTRAINT update_member_update FOREIGN KEY (update_id) REFERENCES investigation_update (id),
    CONSTRAINT update_member_member FOREIGN KEY (member_id) REFERENCES investigation_member (id)
) ENGINE = InnoDB;

CREATE TABLE investigation_update_read (
    update_id  CHAR(36)    NOT NULL,
    account_id CHAR(36)    NOT NULL,
    read_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (update_id, account_id),
    CONSTRAINT update_read_update FOREIGN KEY (update_id) REFERENCES investigation_update (id)
) ENGINE = InnoDB;
