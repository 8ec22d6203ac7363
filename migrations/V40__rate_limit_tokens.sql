-- Token counts of the shared rate limits that are taken inside the limited write's own transaction (a post), so
-- taking a token is one statement and a refused write rolls back whole. bucket_key is the policy name and an
-- HMAC of the key, as in rate_limit_bucket. tokens is what was left at refilled_at (epoch milliseconds); the refill
-- since then is computed when the next token is asked for. taken_by is the attempt that took the last token: it
-- tells the attempt whether it got one. expires_at (epoch milliseconds) is when the bucket is surely full again, from
-- when on the row says nothing a new one would not; the clean-up deletes it then.

CREATE TABLE rate_limit_tokens (
    bucket_key  VARCHAR(255) NOT NULL PRIMARY KEY,
    tokens      DOUBLE       NOT NULL,
    refilled_at BIGINT       NOT NULL,
    taken_by    CHAR(36)     NOT NULL,
    expires_at  BIGINT       NOT NULL,
    INDEX rate_limit_tokens_expiry (expires_at)
) ENGINE = InnoDB;
