-- A delivery worker claims outbox rows by writing a claim token into leased_by in one UPDATE, then reads and marks
-- the rows of that claim by the token: this index finds them without scanning every pending row.
CREATE INDEX outbox_claim ON outbox (leased_by);
