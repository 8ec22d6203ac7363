-- A substitute reaches the cases of the family inspector they stand in for, so an administrator who names one needs
-- a second administrator's approval, as for a case's staff: a fourth kind of approval request.
ALTER TABLE approval_request DROP CONSTRAINT approval_request_kind;
ALTER TABLE approval_request
    ADD CONSTRAINT approval_request_kind
        CHECK (kind IN ('STAFF_ACCOUNT', 'CASE_STAFF', 'STAFF_ENABLE', 'ABSENCE_COVER'));
