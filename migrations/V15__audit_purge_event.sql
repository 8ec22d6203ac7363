-- A purge by retention is itself an event in the chain: each purged row names the "audit.purge" event that was
-- appended in the same transaction, whose detail holds how many rows that purge erased. Verification then requires
-- every purged row to name a purge event that is sealed after it, so erasing a row's personal fields by hand (to
-- hide who did something) shows, and a purge cannot be claimed for more rows than it erased.
-- INSTANT: a nullable column is added without rewriting the (large) table.
ALTER TABLE audit_event
    ADD COLUMN purge_event_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ALGORITHM = INSTANT;
