-- Staff-only notes on a case (its family inspector and investigators), so a substitute knows what was agreed.
-- Sealed like message bodies; never shown to members; purged with the case's content.
CREATE TABLE case_note (
    id               CHAR(36)    NOT NULL PRIMARY KEY,
    investigation_id CHAR(36)    NOT NULL,
    author_id        CHAR(36)    NOT NULL,
    body_key_id      VARCHAR(32) NOT NULL,
    body             BLOB        NOT NULL,
    written_at       DATETIME(6) NOT NULL,
    CONSTRAINT case_note_case FOREIGN KEY (investigation_id) REFERENCES investigation (id),
    CONSTRAINT case_note_author FOREIGN KEY (author_id) REFERENCES account (id),
    INDEX case_note_by_case (investigation_id, written_at)
) ENGINE = InnoDB;
