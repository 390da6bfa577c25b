-- The daily quote as it went out: one row per calendar day in Asia/Shanghai, written once by the
-- publishing job (the Worker's Cron Trigger at 00:00 Shanghai, the Node server at the day
-- boundary, `yulu daily publish`) and never changed. Reads (pages, API, feeds) never write here.
CREATE TABLE daily_published (
  day          TEXT PRIMARY KEY,
  quote_id     TEXT NOT NULL,
  how          TEXT NOT NULL CHECK (how IN ('scheduled', 'auto')),
  published_at TEXT NOT NULL
);
