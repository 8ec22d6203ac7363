-- Enabling a disabled staff account gives its access back (its cases included), so it takes two administrators
-- like creating one: a third kind of approval request.
ALTER TABLE approval_request DROP CONSTRAINT approval_request_kind;
ALTER TABLE approval_request
    ADD CONSTRAINT approval_request_kind CHECK (kind IN ('STAFF_ACCOUNT', 'CASE_STAFF', 'STAFF_ENABLE'));
