-- 0006_complaints.sql: citizens' complaints, their status history and photos (DESIGN.md §4.3, issue 5).

CREATE TABLE complaints (
  id TEXT PRIMARY KEY, -- random UUID, never shown
  tracking_code TEXT NOT NULL UNIQUE, -- what the reporter holds, e.g. 'K7QM-2XPA-9DRT'
  intake_key TEXT UNIQUE, -- the draft or form submission it came from: a repeated confirm cannot file twice
  province_id TEXT NOT NULL REFERENCES provinces (id),
  agency_id TEXT REFERENCES agencies (id), -- NULL: the reporter did not know
  type TEXT NOT NULL, -- corruption | service | other
  channel TEXT NOT NULL, -- chat | liff
  description TEXT NOT NULL,
  occurred_at TEXT, -- as the reporter gave it (free text or ISO)
  place TEXT,
  lat REAL,
  lng REAL,
  identity_mode TEXT NOT NULL CHECK (identity_mode IN ('named', 'anonymous_updates', 'code_only')),
  identity_cipher TEXT, -- AES-GCM of {name, phone}, base64, encrypted by the caller
  notify_cipher TEXT, -- AES-GCM of the reporter's LINE user id, used only to push status updates
  reporter_hash TEXT, -- keyed hash of the LINE user id: "my complaints" and rate limits
  status TEXT NOT NULL DEFAULT 'received',
  assigned_to TEXT,
  referred_to TEXT,
  result TEXT, -- closing result, or the reason of a rejection
  rating INTEGER CHECK (rating BETWEEN 1 AND 5),
  reopened_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  acknowledged_at TEXT,
  replied_at TEXT,
  closed_at TEXT,
  delete_after TEXT, -- retention: set when closed
  -- "tracking code only" keeps nothing that links the case to a LINE account (issue 5 §2)
  CHECK (identity_mode <> 'code_only' OR (notify_cipher IS NULL AND reporter_hash IS NULL)),
  CHECK (identity_mode = 'named' OR identity_cipher IS NULL)
);
CREATE INDEX complaints_by_agency ON complaints (agency_id, created_at);
CREATE INDEX complaints_by_province ON complaints (province_id, created_at);
CREATE INDEX complaints_by_reporter ON complaints (reporter_hash, created_at);
CREATE INDEX complaints_by_status ON complaints (status, created_at);
CREATE INDEX complaints_by_delete_after ON complaints (delete_after);

CREATE TABLE complaint_events (
  id INTEGER PRIMARY KEY,
  complaint_id TEXT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  is_public INTEGER NOT NULL DEFAULT 1 CHECK (is_public IN (0, 1)), -- shown to whoever holds the code
  actor TEXT NOT NULL, -- an officer's LINE user id, 'reporter' or 'system'
  note TEXT,
  at TEXT NOT NULL
);
CREATE INDEX complaint_events_by_complaint ON complaint_events (complaint_id, id);

-- Photos arrive during intake, before the complaint exists: they hang on the draft's intake_key and get
-- their complaint_id on confirm. D1 limits a row to 2 MB (https://developers.cloudflare.com/d1/platform/limits/).
CREATE TABLE complaint_attachments (
  id INTEGER PRIMARY KEY,
  complaint_id TEXT REFERENCES complaints (id) ON DELETE CASCADE,
  intake_key TEXT,
  line_message_id TEXT UNIQUE, -- the LINE image message it was fetched from, so a retry stores it once
  content_type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  size INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX complaint_attachments_by_complaint ON complaint_attachments (complaint_id);
CREATE INDEX complaint_attachments_by_intake ON complaint_attachments (intake_key);
