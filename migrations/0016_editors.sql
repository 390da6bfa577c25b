-- Named editors (issue 16): each signs in with their own token, so the audit log names them.
-- Only a SHA-256 hash of the token is kept; the token itself is shown once, when created.
-- Revoking keeps the row (the name stays in the audit log and cannot be reused by someone else).
CREATE TABLE editors (
  name       TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
