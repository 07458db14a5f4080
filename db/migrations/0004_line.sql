-- 0004_line.sql: LINE users and their roles, LINE groups bound to agencies, one-time codes, chat flow state.

CREATE TABLE line_users (
  user_id TEXT PRIMARY KEY,
  display_name TEXT,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  unfollowed_at TEXT -- set by an unfollow event, cleared by a follow
);

-- DESIGN.md §5.4: coordinator (a province), staff (of an agency), officer (complaint officer of an agency,
-- or of the province when agency_id is NULL).
CREATE TABLE user_roles (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES line_users (user_id),
  role TEXT NOT NULL,
  province_id TEXT NOT NULL REFERENCES provinces (id),
  agency_id TEXT REFERENCES agencies (id),
  granted_by TEXT,
  granted_at TEXT NOT NULL
);
-- coalesce: NULLs are distinct in a UNIQUE index, and a province-wide role must be granted only once too.
CREATE UNIQUE INDEX user_roles_unique ON user_roles (user_id, role, province_id, coalesce(agency_id, ''));
CREATE INDEX user_roles_by_scope ON user_roles (province_id, role, agency_id);

-- A group the bot is in. It serves at most one agency (or, with agency_id NULL and kind 'officers', the
-- province's complaint officers); an agency may have several groups.
CREATE TABLE line_groups (
  group_id TEXT PRIMARY KEY,
  agency_id TEXT REFERENCES agencies (id),
  province_id TEXT REFERENCES provinces (id),
  kind TEXT CHECK (kind IN ('staff', 'officers')), -- NULL while unbound
  joined_at TEXT,
  bound_at TEXT,
  bound_by TEXT,
  left_at TEXT -- the bot was removed; the binding is kept for when it is added back
);
CREATE INDEX line_groups_by_agency ON line_groups (agency_id);
CREATE INDEX line_groups_by_province ON line_groups (province_id, kind);

-- One-time codes: group binding ('staff' | 'officers', issue 4 §1) and, later, other one-time uses
-- such as the first coordinator's code.
CREATE TABLE bind_codes (
  code TEXT PRIMARY KEY,
  province_id TEXT NOT NULL REFERENCES provinces (id),
  agency_id TEXT REFERENCES agencies (id),
  kind TEXT NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  used_by_group TEXT,
  used_by_user TEXT
);

-- Where a user is in a guided 1:1 flow (complaint intake, agency picker…): one flow at a time per user.
-- `version` makes each step a compare-and-set, so a duplicated event cannot skip or repeat a step.
CREATE TABLE conversation_state (
  user_id TEXT PRIMARY KEY,
  flow TEXT NOT NULL,
  step TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}', -- JSON; the caller encrypts what must not be stored in clear
  draft_id TEXT NOT NULL, -- random id of this run of the flow (complaints.intake_key, attachments)
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX conversation_state_by_expiry ON conversation_state (expires_at);
