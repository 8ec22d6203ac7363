-- Passkeys (WebAuthn): a person's own discoverable credentials. The service keeps only what checks a sign-in: the
-- credential's id and public key (COSE, inside the attested credential data), the sign counter, the authenticator's
-- flags, its transports, a name and dates. Never a fingerprint, face or PIN: those stay on the device.

-- The random user handle a person's passkeys carry (not the account id, so a passkey says nothing about the account).
CREATE TABLE passkey_user (
    account_id  CHAR(36)    NOT NULL PRIMARY KEY,
    user_handle BINARY(32)  NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    CONSTRAINT passkey_user_handle UNIQUE (user_handle),
    CONSTRAINT passkey_user_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE TABLE passkey (
    id              CHAR(36)       NOT NULL PRIMARY KEY,
    account_id      CHAR(36)       NOT NULL,
    credential_id   VARBINARY(255) NOT NULL,
    credential_data VARBINARY(2048) NOT NULL,
    sign_count      BIGINT         NOT NULL,
    uv_initialized  BOOLEAN        NOT NULL,
    backup_eligible BOOLEAN        NOT NULL,
    backup_state    BOOLEAN        NOT NULL,
    transports      VARCHAR(100)   NOT NULL,
    name            VARCHAR(60)    NOT NULL,
    created_at      DATETIME(6)    NOT NULL,
    last_used_at    DATETIME(6)    NULL,
    -- Set when a sign-in showed a copied (cloned) authenticator: the passkey signs nobody in until it is removed.
    unusable_at     DATETIME(6)    NULL,
    CONSTRAINT passkey_credential UNIQUE (credential_id),
    CONSTRAINT passkey_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    INDEX passkey_of_account (account_id, created_at)
) ENGINE = InnoDB;

-- A ceremony's challenge: single use, 5 minutes. Only a keyed hash of it is kept. A registration challenge belongs
-- to the session that asked for it; a sign-in challenge to nobody yet.
CREATE TABLE passkey_challenge (
    id                CHAR(36)    NOT NULL PRIMARY KEY,
    purpose           VARCHAR(12) NOT NULL,
    session_id        CHAR(36)    NULL,
    challenge_key_id  VARCHAR(32) NOT NULL,
    challenge_hash    BINARY(32)  NOT NULL,
    created_at        DATETIME(6) NOT NULL,
    expires_at        DATETIME(6) NOT NULL,
    used_at           DATETIME(6) NULL,
    CONSTRAINT passkey_challenge_purpose CHECK (purpose IN ('REGISTRATION', 'SIGN_IN')),
    CONSTRAINT passkey_challenge_session FOREIGN KEY (session_id) REFERENCES session (id) ON DELETE CASCADE,
    INDEX passkey_challenge_expiry (expires_at)
) ENGINE = InnoDB;
