-- 0009_line_limits.sql: LINE under its real limits (issue 16): outbox priority, photo sets, group member counts.

-- When sending resumes after the monthly quota ran out, what matters most goes first: 1 complaint updates to
-- citizens and answers that fell back to a push, 2 officers' cards, 3 reminders, 4 announcements, 5 the rest.
ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 5;
CREATE INDEX outbox_due_by_priority ON outbox (state, priority, next_attempt_at);

-- The photos of one LINE imageSet (several photos sent together, delivered as one event each, concurrently):
-- one row per photo handled, stored or refused, so the set is acknowledged once, when its last photo is in.
CREATE TABLE image_set_photos (
  set_id TEXT NOT NULL,
  line_message_id TEXT NOT NULL,
  intake_key TEXT NOT NULL,
  stored INTEGER NOT NULL, -- 1 stored, 0 refused (past the cap, too big, not an image)
  created_at TEXT NOT NULL,
  PRIMARY KEY (set_id, line_message_id)
);
-- The set's one acknowledgement: whoever inserts this row answers.
CREATE TABLE image_set_acks (
  set_id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
);

-- What one push into a group costs in LINE's monthly quota: one message per member (refreshed daily and on
-- join, leave, memberJoined and memberLeft).
ALTER TABLE line_groups ADD COLUMN member_count INTEGER;
ALTER TABLE line_groups ADD COLUMN member_count_at TEXT;
