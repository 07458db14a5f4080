-- 0007_admin.sql: audit log, application settings and rate-limit counters.

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL, -- LINE user id, 'cli', 'system'
  action TEXT NOT NULL, -- e.g. 'complaint.identity_read', 'role.grant'
  subject_type TEXT,
  subject_id TEXT,
  detail TEXT -- JSON
);
CREATE INDEX audit_log_by_subject ON audit_log (subject_type, subject_id, id);
CREATE INDEX audit_log_by_time ON audit_log (at);

-- Settings changed at run time: holidays, working hours, sending paused by a quota 429…; value is JSON.
CREATE TABLE app_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_by TEXT,
  updated_at TEXT NOT NULL
);

-- Fixed-window counters: complaints per reporter per hour, wrong tracking codes per user…
CREATE TABLE rate_limits (
  key TEXT NOT NULL, -- e.g. 'complaint:' || keyed hash of the user id
  bucket TEXT NOT NULL, -- the window, e.g. '2026-11-23T09'
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (key, bucket)
);
