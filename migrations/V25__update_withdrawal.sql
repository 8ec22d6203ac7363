-- An update that went to the wrong people is withdrawn: it leaves their timeline, stays in the family inspector's
-- history with when and by whom. Shared again with the right members, the new update names the one it replaces.
ALTER TABLE investigation_update
    ADD COLUMN withdrawn_at  DATETIME(6) NULL,
    ADD COLUMN withdrawn_by  CHAR(36)    NULL,
    ADD COLUMN reshared_from CHAR(36)    NULL,
    ADD CONSTRAINT investigation_update_withdrawn CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL));
