-- 0008_complaint_reopen.sql: a reopened complaint gets a second round of service levels, counted from its reopening
ALTER TABLE complaints ADD COLUMN reopened_at TEXT;
ALTER TABLE complaints ADD COLUMN reopen_acknowledged_at TEXT;

-- Complaints reopened before this migration: the times from their history (ids order events of equal time).
UPDATE complaints SET reopened_at = (
  SELECT e.at FROM complaint_events e
  WHERE e.complaint_id = complaints.id AND e.status = 'reopened' ORDER BY e.id DESC LIMIT 1
) WHERE reopened_count > 0;
UPDATE complaints SET reopen_acknowledged_at = (
  SELECT e.at FROM complaint_events e
  WHERE e.complaint_id = complaints.id
    AND e.status IN ('acknowledged', 'in_progress', 'closed', 'referred', 'rejected')
    AND e.id > (SELECT max(r.id) FROM complaint_events r WHERE r.complaint_id = complaints.id AND r.status = 'reopened')
  ORDER BY e.id LIMIT 1
) WHERE reopened_at IS NOT NULL;
