-- 0011_published_results.sql (issue 15): published figures that win over recomputation, agencies matched by
-- their ITAS code, the province assessed as one unit, and fiscal-year frameworks entered as data.

-- The NACC's code of the agency in ITAS (0010 added the column), for matching rows of a national results file.
CREATE INDEX agencies_by_itas_code ON agencies (itas_code);

-- The assessed unit this agency contributes to (a province's line and district offices → the provincial
-- office); NULL when the agency is assessed on its own (the province, each local government).
ALTER TABLE agencies ADD COLUMN assessed_unit_id TEXT REFERENCES agencies (id);

-- What the NACC published for an agency-year besides scores (the published total, instrument and
-- indicator figures are rows of `scores`): the level as published and the national ranks.
CREATE TABLE published_results (
  agency_id TEXT NOT NULL REFERENCES agencies (id),
  year INTEGER NOT NULL,
  level TEXT, -- a level code or label of the year's framework, as published
  rank_national INTEGER CHECK (rank_national IS NULL OR rank_national > 0),
  rank_in_group INTEGER CHECK (rank_in_group IS NULL OR rank_in_group > 0),
  source TEXT NOT NULL, -- import | cli | liff | demo
  source_by TEXT,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (agency_id, year)
);

-- A fiscal year's framework entered by a coordinator (the NACC's manual of the year), validated JSON;
-- it replaces the built-in or assumed framework of that year.
CREATE TABLE frameworks (
  year INTEGER PRIMARY KEY CHECK (year BETWEEN 2500 AND 2700),
  json TEXT NOT NULL,
  source_by TEXT,
  recorded_at TEXT NOT NULL
);
