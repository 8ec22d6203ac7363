-- Retention of sign-in traces: the job erases the personal fields (the IP among them) of sign-in and sign-out events
-- after a period. This index lets it find them by action and time without reading the whole access log.
CREATE INDEX audit_event_action_time ON audit_event (action, occurred_at);
