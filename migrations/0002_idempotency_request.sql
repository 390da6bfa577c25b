-- Idempotency keys are bound to their request (issue 15): a fingerprint of the action, the
-- record, the version read and the submitted values. The same key with other content is a 422,
-- never a silent replay. Rows from before this migration have none and replay as before.
ALTER TABLE idempotency ADD COLUMN request_hash TEXT;
