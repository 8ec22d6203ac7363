-- Token buckets of the rate limits that all instances share (sign-in, messages, uploads, invitations).
-- The id is the policy name and a SHA-256 of the key, never an address or an IP in clear text.
-- state is Bucket4j's serialised bucket; NULL only for a moment, between creating the row and filling it.
-- expires_at (epoch milliseconds) is when the bucket will be full again: from then on the row says nothing
-- a new bucket would not, so the occasional clean-up deletes it; the index keeps that delete off other rows.

CREATE TABLE rate_limit_bucket (
    id         VARCHAR(255) NOT NULL PRIMARY KEY,
    state      BLOB         NULL,
    expires_at BIGINT       NULL,
    INDEX rate_limit_bucket_expiry (expires_at)
) ENGINE = InnoDB;
