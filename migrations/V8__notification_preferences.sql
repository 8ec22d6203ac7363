-- Each person's choices about mail: on or off, how much (everything / milestones / appointments only), and the
-- quiet hours during which mail waits until morning (sign-in codes never wait). Language lives on the account.

CREATE TABLE notification_preference (
    account_id    CHAR(36)    NOT NULL PRIMARY KEY,
    mail_enabled  BOOLEAN     NOT NULL,
    detail_level  VARCHAR(20) NOT NULL,
    quiet_start   CHAR(5)     NOT NULL,
    quiet_end     CHAR(5)     NOT NULL,
    updated_at    DATETIME(6) NOT NULL,
    CONSTRAINT notification_preference_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT notification_preference_detail CHECK (detail_level IN ('EVERYTHING', 'MILESTONES', 'APPOINTMENTS')),
    CONSTRAINT notification_preference_quiet CHECK (quiet_start REGEXP '^[0-2][0-9]:[0-5][0-9]$'
                                                    AND quiet_end REGEXP '^[0-2][0-9]:[0-5][0-9]$')
) ENGINE = InnoDB;
