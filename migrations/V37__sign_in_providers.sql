-- Sign-in providers (OpenID Connect: DigiD through a broker for members, the Inspectorate's own identity provider
-- for staff).
--
-- A started sign-in waits here until the provider sends the person back: the state is kept only as a keyed hash
-- (it is looked up, never read back), the nonce and the PKCE verifier are sealed (they are sent on, so they must be
-- read back), and the browser that started it is bound by the keyed hash of a random value in a short-lived cookie,
-- so that a code and state pasted into another browser are refused. used_at makes the state single-use. A staff
-- sign-in whose provider asserted no second factor waits for the authenticator code under pending_hash.
CREATE TABLE oidc_request (
    id                 CHAR(36)       NOT NULL PRIMARY KEY,
    provider           VARCHAR(20)    NOT NULL,
    purpose            VARCHAR(20)    NOT NULL,
    state_hash         VARBINARY(32)  NOT NULL,
    binding_hash       VARBINARY(32)  NOT NULL,
    key_id             VARCHAR(64)    NOT NULL,
    nonce_sealed       VARBINARY(128) NOT NULL,
    verifier_sealed    VARBINARY(160) NOT NULL,
    account_id         CHAR(36)       NULL,
    pending_hash       VARBINARY(32)  NULL,
    pending_account_id CHAR(36)       NULL,
    created_at         DATETIME(6)    NOT NULL,
    expires_at         DATETIME(6)    NOT NULL,
    used_at            DATETIME(6)    NULL,
    CONSTRAINT oidc_request_state UNIQUE (state_hash),
    CONSTRAINT oidc_request_pending UNIQUE (pending_hash),
    CONSTRAINT oidc_request_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT oidc_request_pending_account FOREIGN KEY (pending_account_id) REFERENCES account (id)
        ON DELETE CASCADE,
    INDEX oidc_request_expiry (expires_at)
) ENGINE = InnoDB;

-- A member's DigiD (or another provider's identity) linked to their account: only the keyed hash of the provider's
-- subject, never the subject itself (it may be derived from a citizen service number).
CREATE TABLE account_identity (
    account_id   CHAR(36)      NOT NULL,
    provider     VARCHAR(20)   NOT NULL,
    key_id       VARCHAR(64)   NOT NULL,
    subject_hash VARBINARY(32) NOT NULL,
    linked_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (account_id, provider),
    CONSTRAINT account_identity_subject UNIQUE (provider, subject_hash),
    CONSTRAINT account_identity_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- How a session was started (the audit action of its sign-in), and whether it may only link DigiD: with DigiD
-- required for members, a session from the emailed code reaches its own session, sign-out and the linking start.
ALTER TABLE session
    ADD COLUMN method    VARCHAR(40) NULL,
    ADD COLUMN link_only BOOLEAN     NOT NULL DEFAULT FALSE;
