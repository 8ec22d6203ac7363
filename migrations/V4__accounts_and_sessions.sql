-- Accounts, sign-in challenges (member one-time codes), staff enrolment and sessions.
-- Secrets are never stored in clear: passwords as Argon2id hashes, one-time codes and tokens as keyed or plain
-- hashes, TOTP secrets encrypted (AES-256-GCM) with the id of the key that sealed them.

CREATE TABLE account (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    role            VARCHAR(20)  NOT NULL,
    email           VARCHAR(254) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    language        CHAR(2)      NOT NULL DEFAULT 'nl',
    password_hash   VARCHAR(255) NULL,
    totp_key_id     VARCHAR(32)  NULL,
    totp_secret     VARBINARY(128) NULL,
    totp_last_step  BIGINT       NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    CONSTRAINT account_email UNIQUE (email),
    CONSTRAINT account_role CHECK (role IN ('MEMBER', 'FAMILY_INSPECTOR', 'INVESTIGATOR', 'ADMIN')),
    CONSTRAINT account_status CHECK (status IN ('INVITED', 'ACTIVE', 'DISABLED')),
    CONSTRAINT account_language CHECK (language IN ('nl', 'en'))
) ENGINE = InnoDB;

CREATE TABLE sign_in_challenge (
    id           CHAR(36)    NOT NULL PRIMARY KEY,
    account_id   CHAR(36)    NULL,
    code_key_id  VARCHAR(32) NOT NULL,
    code_hash    BINARY(32)  NOT NULL,
    attempts     INT         NOT NULL DEFAULT 0,
    created_at   DATETIME(6) NOT NULL,
    expires_at   DATETIME(6) NOT NULL,
    used_at      DATETIME(6) NULL,
    CONSTRAINT sign_in_challenge_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    INDEX sign_in_challenge_expiry (expires_at)
) ENGINE = InnoDB;

CREATE TABLE staff_enrolment (
    token_hash            BINARY(32)     NOT NULL PRIMARY KEY,
    account_id            CHAR(36)       NOT NULL,
    created_at            DATETIME(6)    NOT NULL,
    expires_at            DATETIME(6)    NOT NULL,
    pending_password_hash VARCHAR(255)   NULL,
    pending_totp_key_id   VARCHAR(32)    NULL,
    pending_totp_secret   VARBINARY(128) NULL,
    completed_at          DATETIME(6)    NULL,
    CONSTRAINT staff_enrolment_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE TABLE session (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    token_hash   BINARY(32)   NOT NULL,
    account_id   CHAR(36)     NOT NULL,
    csrf_token   CHAR(64)     NOT NULL,
    device       VARCHAR(100) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    last_seen_at DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    ended_at     DATETIME(6)  NULL,
    end_reason   VARCHAR(20)  NULL,
    CONSTRAINT session_token UNIQUE (token_hash),
    CONSTRAINT session_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    INDEX session_of_account (account_id, ended_at)
) ENGINE = InnoDB;
