-- The access log: every sign-in, refusal, read and write of case data, tamper-evident.
--
-- Appending is one INSERT on the request path. A sealer behind it links the events into a hash chain. It does not
-- chain by seq: auto-increment values commit out of order and leave gaps, so the sealer hands out its own
-- contiguous positions 1..N in the order it seals, and
--   chain_hash(n) = SHA-256(chain_hash(n-1) || n || event id || content_hash(n)),  chain_hash(0) = 32 zero bytes.
-- The exact byte encoding is written down in nl.familyliaison.audit.AuditHashes.
--
-- Retention may erase the personal fields of an event later: they become NULL, their digest moves to
-- personal_digest and purged_at is set. content_hash was computed over that digest, so the chain still verifies.

CREATE TABLE audit_event (
    seq              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id               CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- who: NULL for an anonymous caller
    actor_account_id VARCHAR(36)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    actor_role       VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    -- what, on which object, in which case
    action           VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    object_type      VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    object_id        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    case_id          VARCHAR(36)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    outcome          VARCHAR(9)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- when (UTC, microseconds) and from where
    occurred_at      DATETIME(6)  NOT NULL,
    request_id       VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    ip               VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    detail           VARCHAR(255) NULL,
    -- computed at append over the fields above
    content_hash     BINARY(32)   NOT NULL,
    -- set by the sealer; NULL while the event is pending
    chain_position   BIGINT       NULL,
    chain_hash       BINARY(32)   NULL,
    sealed_at        DATETIME(6)  NULL,
    -- set by retention
    personal_digest  BINARY(32)   NULL,
    purged_at        DATETIME(6)  NULL,
    CONSTRAINT audit_event_id UNIQUE (id),
    -- One position, one event.
    CONSTRAINT audit_event_chain_position UNIQUE (chain_position),
    -- The sealer's "pending rows (position NULL), oldest seq first" without sorting the backlog: MariaDB does not
    -- read that order from the unique index above (it sorts), but does from this one.
    INDEX audit_event_pending (chain_position, seq),
    CONSTRAINT audit_event_outcome CHECK (outcome IN ('ALLOWED', 'DENIED', 'SUCCEEDED', 'FAILED')),
    CONSTRAINT audit_event_sealed CHECK ((chain_position IS NULL) = (chain_hash IS NULL)),
    CONSTRAINT audit_event_purged CHECK ((purged_at IS NULL) = (personal_digest IS NULL)),
    -- The member's "who looked at my file": one case, newest first.
    INDEX audit_event_case_time (case_id, occurred_at)
) ENGINE = InnoDB;

-- The end of the chain. Every sealer, on every instance, locks this one row (SELECT ... FOR UPDATE) before it
-- hands out positions, so there is exactly one chain however many sealers run.
CREATE TABLE audit_chain_head (
    id            TINYINT     NOT NULL PRIMARY KEY,
    last_position BIGINT      NOT NULL,
    last_hash     BINARY(32)  NOT NULL,
    updated_at    DATETIME(6) NULL,
    CONSTRAINT audit_chain_head_single CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO audit_chain_head (id, last_position, last_hash, updated_at) VALUES (1, 0, UNHEX(REPEAT('00', 32)), NULL);
