-- Messages between the members of a case and its family inspector: threads, who takes part, messages, read
-- receipts and attachments. Message bodies, attachment contents and file names are encrypted (AES-256-GCM) with the
-- id of their key on each row, so keys can be rotated. Threads have no subject: a subject would be case content in
-- clear text, and the first message says what the thread is about.
--
-- Also the idempotency keys of state-changing requests (first used by messages): a retry with the same key gets the
-- first answer again; the unique key lets concurrent retries resolve in the database.

CREATE TABLE message_thread (
    id               CHAR(36)    NOT NULL PRIMARY KEY,
    investigation_id CHAR(36)    NOT NULL,
    started_by       CHAR(36)    NOT NULL,
    created_at       DATETIME(6) NOT NULL,
    last_message_at  DATETIME(6) NOT NULL,
    -- The position of the newest message; raised under the row lock when a message is added, so positions in a
    -- thread are gapless and ordered even when two people post at the same moment.
    last_position    INT         NOT NULL DEFAULT 0,
    CONSTRAINT message_thread_case FOREIGN KEY (investigation_id) REFERENCES investigation (id),
    CONSTRAINT message_thread_starter FOREIGN KEY (started_by) REFERENCES account (id),
    INDEX message_thread_by_case (investigation_id, last_message_at)
) ENGINE = InnoDB;

-- The members who take part, by membership. The case's family inspectors are not listed: they always take part in
-- every thread of their case, so whoever is the family inspector now sees the threads from before their time.
CREATE TABLE message_thread_member (
    thread_id CHAR(36) NOT NULL,
    member_id CHAR(36) NOT NULL,
    PRIMARY KEY (thread_id, member_id),
    CONSTRAINT message_thread_member_thread FOREIGN KEY (thread_id) REFERENCES message_thread (id),
    CONSTRAINT message_thread_member_member FOREIGN KEY (member_id) REFERENCES investigation_member (id),
    INDEX message_thread_member_by_member (member_id)
) ENGINE = InnoDB;

CREATE TABLE message (
    id          CHAR(36)    NOT NULL PRIMARY KEY,
    thread_id   CHAR(36)    NOT NULL,
    position    INT         NOT NULL,
    author_id   CHAR(36)    NOT NULL,
    body_key_id VARCHAR(32) NOT NULL,
    -- 10,000 characters of up to 4 bytes, plus nonce and tag.
    body        BLOB        NOT NULL,
    posted_at   DATETIME(6) NOT NULL,
    CONSTRAINT message_position UNIQUE (thread_id, position),
    CONSTRAINT message_thread FOREIGN KEY (thread_id) REFERENCES message_thread (id),
    CONSTRAINT message_author FOREIGN KEY (author_id) REFERENCES account (id)
) ENGINE = InnoDB;

CREATE TABLE message_read (
    message_id CHAR(36)    NOT NULL,
    account_id CHAR(36)    NOT NULL,
    read_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (message_id, account_id),
    CONSTRAINT message_read_message FOREIGN KEY (message_id) REFERENCES message (id),
    CONSTRAINT message_read_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB;

-- An upload belongs to a case from the start and to a message once its uploader sends it with one (message_id
-- stays NULL until then). The media type is the one recognised from the content, never the one the client named.
CREATE TABLE message_attachment (
    id               CHAR(36)    NOT NULL PRIMARY KEY,
    investigation_id CHAR(36)    NOT NULL,
    uploader_id      CHAR(36)    NOT NULL,
    message_id       CHAR(36)    NULL,
    -- Where it stands among the message's attachments, in the order the sender listed them.
    message_order    SMALLINT    NULL,
    media_type       VARCHAR(40) NOT NULL,
    size_bytes       BIGINT      NOT NULL,
    name_key_id      VARCHAR(32) NOT NULL,
    file_name        VARBINARY(1024) NOT NULL,
    content_key_id   VARCHAR(32) NOT NULL,
    content          LONGBLOB    NOT NULL,
    uploaded_at      DATETIME(6) NOT NULL,
    CONSTRAINT message_attachment_type CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    CONSTRAINT message_attachment_size CHECK (size_bytes > 0),
    CONSTRAINT message_attachment_case FOREIGN KEY (investigation_id) REFERENCES investigation (id),
    CONSTRAINT message_attachment_uploader FOREIGN KEY (uploader_id) REFERENCES account (id),
    CONSTRAINT message_attachment_message FOREIGN KEY (message_id) REFERENCES message (id),
    INDEX message_attachment_by_message (message_id)
) ENGINE = InnoDB;

-- One row per (account, key): the first request claims it in its own transaction, so a concurrent retry waits on
-- the unique key and then finds the stored answer. The answer may hold message text, so it is encrypted.
CREATE TABLE idempotency_key (
    account_id      CHAR(36)     NOT NULL,
    request_key     VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    request_hash    BINARY(32)   NOT NULL,
    response_status SMALLINT     NULL,
    response_key_id VARCHAR(32)  NULL,
    response_body   MEDIUMBLOB   NULL,
    object_id       CHAR(36)     NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (account_id, request_key),
    CONSTRAINT idempotency_key_account FOREIGN KEY (account_id) REFERENCES account (id),
    INDEX idempotency_key_age (created_at)
) ENGINE = InnoDB;
