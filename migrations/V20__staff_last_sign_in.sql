-- When a staff member last signed in, for the administrators' list of staff accounts (sessions are purged, so they
-- cannot tell). Written at every staff sign-in and at the end of enrolment, which signs the person in.
ALTER TABLE account ADD COLUMN last_sign_in_at DATETIME(6) NULL;
