// Runs the db suites for the two runtimes and the agency-year data (migrations, batch, agencies, scores, plan,
// surveys) on better-sqlite3 and D1.
//
// The suites live in test/db/suites/ and are grouped into two test files because each test file pays for its
// own vitest module graph, Miniflare and workerd process: ten files took 19 s, the same tests in two 9 s.
import './suites/migrations.ts';
import './suites/batch.ts';
import './suites/reference-data.ts';
import './suites/plan.ts';
import './suites/surveys.ts';
