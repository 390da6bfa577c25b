-- Editorial state. Every mutable row carries a version: a write names the version it read and
-- fails (409) when another write got there first. The audit log is append-only.

CREATE TABLE quote_status (
  quote_id   TEXT PRIMARY KEY,
  status     TEXT NOT NULL CHECK (status IN ('candidate', 'approved', 'rejected')),
  note       TEXT NOT NULL DEFAULT '',
  version    INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

-- An editor's trim: a sub-span of a source paragraph, with the ID the catalog's rule gives it.
CREATE TABLE trims (
  quote_id   TEXT PRIMARY KEY,
  parent_id  TEXT NOT NULL,
  source     TEXT NOT NULL,
  paragraph  TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  text       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

-- Reviewed corrections of machine-transcript quotes, kept beside the original.
CREATE TABLE errata (
  quote_id   TEXT PRIMARY KEY,
  corrected  TEXT NOT NULL,
  reason     TEXT NOT NULL,
  version    INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

-- The daily quote: one row per calendar day in Asia/Shanghai (YYYY-MM-DD).
CREATE TABLE schedule (
  day        TEXT PRIMARY KEY,
  quote_id   TEXT NOT NULL,
  version    INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

CREATE TABLE audit (
  seq    INTEGER PRIMARY KEY AUTOINCREMENT,
  at     TEXT NOT NULL,
  actor  TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  before TEXT,
  after  TEXT
);

-- Retries with the same key are answered from here instead of being applied twice.
CREATE TABLE idempotency (
  key      TEXT PRIMARY KEY,
  result   TEXT NOT NULL,
  at       TEXT NOT NULL
);
