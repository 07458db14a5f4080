// Reads db/migrations/*.sql from disk (Node only: the Workers build never imports this; wrangler applies the files).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationFile } from './migrator.ts';
import { pendingMigrations } from './migrator.ts';

/** The one schema source, also named by `migrations_dir = "db/migrations"` in wrangler.toml. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Every `.sql` file of the directory, in the order wrangler applies them. */
export function readMigrationFiles(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
  return pendingMigrations(files, []);
}
