-- Every next-update promise a case was given, so the figures can say how many were kept on time (an update posted
-- after the promise and on or before its date). A promise is replaced by the next one of its case; it holds no case
-- content and is never named in an address (hence a plain number as key).
CREATE TABLE next_update_promise (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    investigation_id CHAR(36)    NOT NULL,
    promised_by      DATE        NOT NULL,
    made_at          DATETIME(6) NOT NULL,
    CONSTRAINT next_update_promise_case FOREIGN KEY (investigation_id) REFERENCES investigation (id),
    INDEX next_update_promise_by_case (investigation_id, made_at),
    INDEX next_update_promise_by_date (promised_by)
) ENGINE = InnoDB;

-- The promise each case holds now; earlier ones were not kept apart before this.
INSERT INTO next_update_promise (investigation_id, promised_by, made_at)
SELECT id, next_update_by, updated_at FROM investigation;
