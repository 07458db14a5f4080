// Migration bookkeeping shared by both runtimes: wrangler's tracking table, ordering, and a SQL statement splitter.

/** One file of db/migrations/: its name as wrangler records it ('0001_init.sql') and its SQL. */
export interface MigrationFile {
  name: string;
  sql: string;
}

export const MIGRATIONS_TABLE = 'd1_migrations';

// Exactly the table `wrangler d1 migrations apply` creates (wrangler 4.86 src/d1/migrations/helpers.ts), so a
// database migrated by either runner looks the same and the other runner skips what is already applied.
export const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE}(
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT UNIQUE,
		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
)`;

export const RECORD_MIGRATION = `INSERT INTO ${MIGRATIONS_TABLE} (name) VALUES (?)`;

/** Files not yet applied, in wrangler's order: by the number before the first '_'. */
export function pendingMigrations(
  files: readonly MigrationFile[],
  applied: Iterable<string>,
): MigrationFile[] {
  const done = new Set(applied);
  return files
    .map((file) => ({ file, n: migrationNumber(file.name) }))
    .sort((a, b) => a.n - b.n)
    .flatMap(({ file }) => (done.has(file.name) ? [] : [file]));
}

function migrationNumber(name: string): number {
  const n = Number.parseInt(name.split('_')[0] ?? '', 10);
  if (Number.isNaN(n)) throw new Error(`migration file name must start with a number: ${name}`);
  return n;
}

/**
 * Splits a migration file into statements for `D1Database.batch()`, which takes one statement per prepared
 * query. Handles `--` and block comments, quoted strings/identifiers and a trigger's BEGIN … END body.
 * better-sqlite3 does not need this: `exec` runs a whole file.
 */
export function splitSqlStatements(text: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (ch === '-' && next === '-') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      current += ' ';
    } else if (ch === "'" || ch === '"' || ch === '`') {
      const end = closingQuote(text, i, ch);
      current += text.slice(i, end);
      i = end;
    } else if (ch === ';' && insideTrigger(current)) {
      current += ch;
      i += 1;
    } else if (ch === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      i += 1;
    } else {
      current += ch;
      i += 1;
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

/** Index just past the quote closing the one at `start` (a doubled quote is an escaped quote). */
/** A CREATE TRIGGER's body holds `;`s of its own: the statement ends only at its END. */
function insideTrigger(statement: string): boolean {
  return /^\s*CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b/i.test(statement) && !/\bEND\s*$/i.test(statement);
}

function closingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] !== quote) return i + 1;
      i += 2;
    } else {
      i += 1;
    }
  }
  return text.length;
}
