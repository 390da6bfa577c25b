-- Server-side sessions (issue 15): the cookie holds a random ID, the table its SHA-256 (a copy of
-- the database holds no usable cookie). Signing out revokes the row, so the cookie stops working
-- everywhere at once; revoking every row of an editor ends all of their sessions.
CREATE TABLE sessions (
  id_hash    TEXT PRIMARY KEY,
  editor     TEXT NOT NULL,
  csrf       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at TEXT
);

CREATE INDEX sessions_by_editor ON sessions (editor);

-- Secrets the service makes for itself once and keeps (the draft-card signing key on Node when
-- CARD_SIGNING_KEYS is not set): never derived from EDITOR_TOKEN.
CREATE TABLE secrets (
  name       TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  created_at TEXT NOT NULL
);
