-- 0003_surveys.sql: IIT/EIT survey links per agency and year, respondent reports and short-link clicks.

CREATE TABLE survey_links (
  agency_id TEXT NOT NULL REFERENCES agencies (id),
  year INTEGER NOT NULL,
  instrument TEXT NOT NULL CHECK (instrument IN ('IIT', 'EIT')),
  code TEXT NOT NULL UNIQUE, -- our short link /s/{code}
  url TEXT, -- the ITAS link; NULL until the coordinator enters it
  -- what the agency entered in ITAS: staff with >= 1 year of service (IIT) or external stakeholders (EIT)
  population INTEGER CHECK (population >= 0),
  target INTEGER CHECK (target >= 0), -- minimum respondents
  target_source TEXT NOT NULL DEFAULT 'auto' CHECK (target_source IN ('auto', 'manual')),
  reported_count INTEGER CHECK (reported_count >= 0), -- latest respondent count reported from ITAS
  reported_at TEXT,
  reported_by TEXT,
  updated_by TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (agency_id, year, instrument)
);
CREATE INDEX survey_links_by_year ON survey_links (year, agency_id);

CREATE TABLE survey_reports (
  id INTEGER PRIMARY KEY,
  agency_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  instrument TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0),
  reported_by TEXT,
  reported_at TEXT NOT NULL,
  FOREIGN KEY (agency_id, year, instrument) REFERENCES survey_links (agency_id, year, instrument) ON DELETE CASCADE
);
CREATE INDEX survey_reports_by_link ON survey_reports (agency_id, year, instrument, reported_at);

-- Click counters per short code, channel and UTC hour: one upsert per click, bounded size whatever the traffic.
CREATE TABLE link_clicks (
  code TEXT NOT NULL REFERENCES survey_links (code) ON DELETE CASCADE ON UPDATE CASCADE,
  channel TEXT NOT NULL, -- group | chat | qr | liff | web
  hour TEXT NOT NULL, -- '2026-11-23T09' (UTC)
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (code, channel, hour)
);
