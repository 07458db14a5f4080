-- 0002_plan.sql: a fiscal year's plan: activities, who is responsible, per-agency status and its history.

CREATE TABLE plan_activities (
  id TEXT PRIMARY KEY, -- random UUID
  province_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  key TEXT, -- stable key of an activity made from the default calendar, so making it twice adds nothing
  seq INTEGER NOT NULL, -- order on the timeline
  title_th TEXT NOT NULL,
  detail TEXT,
  kind TEXT NOT NULL DEFAULT 'general', -- general | survey_iit | survey_eit | oit | appeal | analysis | measure
  starts_on TEXT, -- 'YYYY-MM-DD' (Asia/Bangkok day)
  due_on TEXT NOT NULL,
  -- 'agencies': the rows of activity_agencies; 'all': every agency of the province, including ones added later
  responsible TEXT NOT NULL DEFAULT 'all' CHECK (responsible IN ('all', 'agencies', 'coordinator', 'nacc')),
  owner TEXT, -- free-text owner of a measure (seed 003: "กลุ่มงาน…")
  meta TEXT, -- JSON, kind-specific: a measure's topic (1–7), instrument and items
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  FOREIGN KEY (province_id, year) REFERENCES fiscal_years (province_id, year)
);
CREATE UNIQUE INDEX plan_activities_by_key ON plan_activities (province_id, year, key);
CREATE INDEX plan_activities_by_year ON plan_activities (province_id, year, due_on);

CREATE TABLE activity_agencies (
  activity_id TEXT NOT NULL REFERENCES plan_activities (id) ON DELETE CASCADE,
  agency_id TEXT NOT NULL REFERENCES agencies (id),
  PRIMARY KEY (activity_id, agency_id)
);
CREATE INDEX activity_agencies_by_agency ON activity_agencies (agency_id);

CREATE TABLE activity_status (
  activity_id TEXT NOT NULL REFERENCES plan_activities (id) ON DELETE CASCADE,
  agency_id TEXT NOT NULL REFERENCES agencies (id),
  status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done')),
  updated_by TEXT, -- LINE user id
  updated_at TEXT NOT NULL,
  evidence_url TEXT,
  note TEXT,
  PRIMARY KEY (activity_id, agency_id)
);
CREATE INDEX activity_status_by_agency ON activity_status (agency_id, status);

CREATE TABLE activity_status_history (
  id INTEGER PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES plan_activities (id) ON DELETE CASCADE,
  agency_id TEXT NOT NULL REFERENCES agencies (id),
  status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done')),
  changed_by TEXT,
  changed_at TEXT NOT NULL,
  evidence_url TEXT,
  note TEXT
);
CREATE INDEX activity_status_history_by_task ON activity_status_history (activity_id, agency_id, id);
