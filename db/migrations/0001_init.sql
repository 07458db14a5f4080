-- 0001_init.sql: provinces, agencies, fiscal years and scores: the reference data every other table joins to.
--
-- Conventions for every file in db/migrations/ (applied to D1 by `wrangler d1 migrations apply`, to
-- better-sqlite3 by db/sqlite.ts, both recording the file name in d1_migrations):
--   * append-only: never edit a file once merged; change the schema with the next number.
--   * instants are TEXT ISO-8601 UTC with milliseconds ('2026-11-23T09:00:00.000Z'), written by the caller
--     (Date#toISOString), so they sort and compare as text; calendar days are TEXT 'YYYY-MM-DD'.
--   * fiscal years are INTEGER Buddhist era (2567); JSON is TEXT; booleans are INTEGER 0/1.
--   * only SQL that D1 accepts: no PRAGMA, no BEGIN/COMMIT (https://developers.cloudflare.com/d1/sql-api/sql-statements/),
--     and no triggers (the test runner's statement splitter does not handle trigger bodies).
--   * CHECK constraints guard the states the db layer itself drives (inbox, outbox, task status);
--     product vocabularies that may grow (complaint status, roles, activity kinds) are checked in TypeScript.

CREATE TABLE provinces (
  id TEXT PRIMARY KEY, -- slug, e.g. 'pathum-thani'
  name_th TEXT NOT NULL,
  name_en TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE agencies (
  id TEXT PRIMARY KEY, -- slug, e.g. 'pathum-thani-pao'
  province_id TEXT NOT NULL REFERENCES provinces (id),
  name_th TEXT NOT NULL,
  short_name TEXT,
  -- provincial office, line agency, district office, PAO (อบจ.), municipality (เทศบาล), SAO (อบต.), other
  type TEXT NOT NULL CHECK (type IN ('provincial_office', 'line_agency', 'district', 'pao', 'municipality', 'sao', 'other')),
  district TEXT, -- the อำเภอ it sits in, as written in Thai
  parent_id TEXT REFERENCES agencies (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agencies_by_province ON agencies (province_id, type, district);
CREATE INDEX agencies_by_parent ON agencies (parent_id);

CREATE TABLE fiscal_years (
  province_id TEXT NOT NULL REFERENCES provinces (id),
  year INTEGER NOT NULL CHECK (year BETWEEN 2500 AND 2700), -- Buddhist era: FY2567 = 1 Oct 2023 – 30 Sep 2024
  framework_id TEXT NOT NULL, -- a framework id of core/frameworks
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (province_id, year)
);

-- One row per score an agency has for a year, at whichever level it is known (DESIGN.md §4.5: items,
-- indicators or instruments; 'eit_part' for FY2566's EIT part 1/2, 'total' for a published total).
CREATE TABLE scores (
  agency_id TEXT NOT NULL REFERENCES agencies (id),
  year INTEGER NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('item', 'indicator', 'instrument', 'eit_part', 'total')),
  code TEXT NOT NULL, -- 'i1' | '1'..'10' | 'IIT' | 'part1' | 'total'
  score REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
  source TEXT NOT NULL, -- import | cli | liff | demo
  source_by TEXT, -- a LINE user id, a CLI user or the imported file's name
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (agency_id, year, level, code)
);
CREATE INDEX scores_by_year ON scores (year, agency_id);
