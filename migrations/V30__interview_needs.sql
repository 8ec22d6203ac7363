-- What an invited member needs to take part in an interview: an interpreter (which language), accessibility needs,
-- a support person coming along. One sealed row per invited member; encrypted at rest like every free text of
-- scheduling, shown to staff and to that member only, never in mails or calendar files.
CREATE TABLE interview_need (
    proposal_id  CHAR(36)        NOT NULL,
    member_id    CHAR(36)        NOT NULL,
    needs_key_id VARCHAR(32)     NOT NULL,
    needs        VARBINARY(4096) NOT NULL,
    PRIMARY KEY (proposal_id, member_id),
    CONSTRAINT interview_need_invited FOREIGN KEY (proposal_id, member_id)
        REFERENCES interview_proposal_member (proposal_id, member_id)
) ENGINE = InnoDB;
