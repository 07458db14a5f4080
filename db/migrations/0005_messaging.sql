-- 0005_messaging.sql: webhook inbox, outbox, reminder log and broadcasts (DESIGN.md §5.1, §5.2, §4.1).

-- Every webhook event, recorded before the 200 answer; webhook_event_id drops LINE's redeliveries.
CREATE TABLE webhook_inbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  webhook_event_id TEXT NOT NULL UNIQUE,
  event_type TEXT NOT NULL,
  source_id TEXT, -- user, group or room id: events of one source are claimed one batch at a time
  payload TEXT NOT NULL, -- the event's JSON
  received_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'processing', 'done', 'parked')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_token TEXT, -- who holds the row while 'processing'
  locked_until TEXT, -- after this a 'processing' row may be claimed again (its worker died)
  last_error TEXT,
  done_at TEXT
);
CREATE INDEX webhook_inbox_due ON webhook_inbox (state, next_attempt_at);
CREATE INDEX webhook_inbox_by_source ON webhook_inbox (source_id, state);

-- One row per (messages, recipient) to send with push or multicast.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('push', 'multicast')),
  recipient TEXT NOT NULL, -- push: a user, group or room id; multicast: JSON array of up to 500 user ids
  messages TEXT NOT NULL, -- JSON array of 1–5 message objects
  retry_key TEXT NOT NULL UNIQUE, -- X-Line-Retry-Key (a UUID), the same on every retry of this row
  source_kind TEXT, -- broadcast | reminder | complaint | …, for delivery reports
  source_id TEXT,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_token TEXT,
  locked_until TEXT,
  last_status INTEGER, -- last HTTP status from LINE
  last_error TEXT,
  request_id TEXT, -- x-line-request-id of the last answer
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_by_source ON outbox (source_kind, source_id, state);

-- Exactly once per (kind, subject, target, slot): a reminder for an activity and agency, a survey nudge,
-- a coordinator digest, a complaint deadline reminder. The UNIQUE constraint is the guarantee.
CREATE TABLE reminder_log (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL, -- activity | digest | survey_nudge | complaint_sla | retention_warning
  subject_id TEXT NOT NULL, -- activity id, complaint id, province id…
  target_id TEXT NOT NULL, -- agency id, user id… ('' when none)
  slot TEXT NOT NULL, -- e.g. 'd-7', 'overdue-2026-07-03', a day
  planned_for TEXT NOT NULL,
  reserved_at TEXT NOT NULL,
  outbox_id INTEGER REFERENCES outbox (id),
  UNIQUE (kind, subject_id, target_id, slot)
);

CREATE TABLE broadcasts (
  id TEXT PRIMARY KEY, -- random UUID
  province_id TEXT NOT NULL REFERENCES provinces (id),
  text TEXT NOT NULL,
  filter TEXT NOT NULL DEFAULT '{}', -- JSON: agency types, districts, not done with an activity
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'confirmed', 'sent', 'cancelled')),
  recipient_count INTEGER,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  confirmed_by TEXT,
  confirmed_at TEXT,
  sent_at TEXT
);
CREATE INDEX broadcasts_by_province ON broadcasts (province_id, created_at);
