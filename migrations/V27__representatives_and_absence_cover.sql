-- Representatives act within a scope the family inspector chooses; a family inspector's absence is covered by a
-- substitute for a period; a representative's message or interview answer says for whom it was written.

ALTER TABLE investigation_member
    ADD COLUMN represent_scope VARCHAR(30) NULL,
    ADD CONSTRAINT investigation_member_scope
        CHECK (represent_scope IS NULL OR represent_scope IN ('FULL', 'MESSAGES_AND_INTERVIEWS'));

-- Representatives invited before scopes existed see what they saw then: the threads and interviews.
UPDATE investigation_member SET represent_scope = 'MESSAGES_AND_INTERVIEWS' WHERE represents_member IS NOT NULL;

-- The membership a representative wrote for (NULL: the author wrote for themselves).
ALTER TABLE message ADD COLUMN on_behalf_of CHAR(36) NULL;
-- The account that gave the answer when it is not the invited member's own (a representative).
ALTER TABLE interview_answer ADD COLUMN answered_by CHAR(36) NULL;

-- While one family inspector is away (from..until, both dates included, Europe/Amsterdam), a substitute family
-- inspector acts on their cases. A cover ends by itself after its last day; ended_at ends it earlier.
CREATE TABLE absence_cover (
    id            CHAR(36)    NOT NULL PRIMARY KEY,
    absent_id     CHAR(36)    NOT NULL,
    substitute_id CHAR(36)    NOT NULL,
    starts_on     DATE        NOT NULL,
    ends_on       DATE        NOT NULL,
    created_by    CHAR(36)    NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    ended_at      DATETIME(6) NULL,
    CONSTRAINT absence_cover_period CHECK (ends_on >= starts_on),
    CONSTRAINT absence_cover_other CHECK (absent_id <> substitute_id),
    CONSTRAINT absence_cover_absent FOREIGN KEY (absent_id) REFERENCES account (id),
    CONSTRAINT absence_cover_substitute FOREIGN KEY (substitute_id) REFERENCES account (id),
    INDEX absence_cover_by_absent (absent_id, ends_on),
    INDEX absence_cover_by_substitute (substitute_id, ends_on)
) ENGINE = InnoDB;
