// The Worker's D1 (and photo bucket) for the `ita` CLI, through wrangler's platform proxy
// (https://developers.cloudflare.com/workers/wrangler/api/#getplatformproxy): the local state `wrangler dev` keeps
// (`--persist-to DIR`), or the deployed database (`--remote`, through wrangler's remote bindings and its login).
// The same Db handle and migrations as the Worker: no SQL by hand, no second schema.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { D1Database, R2Bucket } from '@cloudflare/workers-types/index.ts';
import { applyMigrationsD1, openD1 } from '../../../db/d1.ts';
import type { Db } from '../../../db/db.ts';
import { readMigrationFiles } from '../../../db/migration-files.ts';
import { type PhotoStore, r2PhotoStore } from '../../features/complaints/photo-store.ts';

export interface WorkersTarget {
  /** The deployed database instead of a local state. */
  remote: boolean;
  /** The folder given to `wrangler dev --persist-to` (default .wrangler/state, wrangler's own default). */
  persistTo?: string;
  /** The Worker's wrangler.toml (default ./wrangler.toml). */
  configPath?: string;
}

export interface WorkersDb {
  db: Db;
  migrationsApplied: readonly string[];
  photoStore?: PhotoStore;
  /** Where this is, for the operator: "D1 ita-line (local state …)" */
  label: string;
  close(): Promise<void>;
}

/** Binding names of wrangler.toml that the app reads (bot/worker.ts). */
const DB_BINDING = 'DB';
const PHOTOS_BINDING = 'PHOTOS';

/**
 * Opens the Worker's D1 as wrangler.toml names it and applies the migrations it lacks (the bookkeeping of
 * `wrangler d1 migrations apply`, the d1_migrations table). The proxy gets a config holding only these bindings,
 * with the same database_id and bucket, so it needs no build of the Worker or its assets.
 */
export async function openWorkersDb(target: WorkersTarget): Promise<WorkersDb> {
  // wrangler is a devDependency (it deploys the Worker): an install without it cannot reach D1 either.
  const wrangler = await import('wrangler').catch((error: unknown) => {
    throw new Error(
      `--workers ต้องใช้ wrangler ซึ่งยังไม่ได้ติดตั้ง (npm install รวม devDependencies): ${String(error)}`,
    );
  });
  const configPath = resolve(target.configPath ?? 'wrangler.toml');
  const config = wrangler.unstable_readConfig({ config: configPath }, { hideWarnings: true });
  const databases: readonly { binding: string; database_name?: string; database_id?: string }[] =
    config.d1_databases;
  const database = databases.find((d) => d.binding === DB_BINDING);
  if (database === undefined) throw new Error(`${configPath} has no D1 binding "${DB_BINDING}"`);
  const buckets: readonly { binding: string; bucket_name?: string }[] = config.r2_buckets;
  const bucket = buckets.find((b) => b.binding === PHOTOS_BINDING);
  const remote = target.remote ? { remote: true } : {};
  const dir = mkdtempSync(join(tmpdir(), 'ita-workers-'));
  const proxyConfig = join(dir, 'wrangler.json');
  writeFileSync(
    proxyConfig,
    JSON.stringify({
      name: config.name,
      compatibility_date: config.compatibility_date,
      d1_databases: [
        {
          binding: DB_BINDING,
          database_name: database.database_name,
          database_id: database.database_id,
          ...remote,
        },
      ],
      r2_buckets:
        bucket === undefined ? [] : [{ binding: PHOTOS_BINDING, bucket_name: bucket.bucket_name, ...remote }],
    }),
  );
  const persistTo = resolve(target.persistTo ?? '.wrangler/state');
  let proxy: Awaited<ReturnType<typeof wrangler.getPlatformProxy>>;
  try {
    proxy = await wrangler.getPlatformProxy({
      configPath: proxyConfig,
      envFiles: [],
      // `wrangler dev --persist-to DIR` keeps its state in DIR/v3, the layout getPlatformProxy reads.
      persist: target.remote ? false : { path: join(persistTo, 'v3') },
      remoteBindings: target.remote,
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const env = proxy.env as { DB: D1Database; PHOTOS?: R2Bucket };
  const close = async () => {
    await proxy.dispose();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const migrationsApplied = await applyMigrationsD1(env.DB, readMigrationFiles());
    const where = target.remote ? 'Cloudflare' : persistTo;
    return {
      db: openD1(env.DB),
      migrationsApplied,
      ...(env.PHOTOS === undefined ? {} : { photoStore: r2PhotoStore(env.PHOTOS) }),
      label: `D1 ${database.database_name} (${where})`,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
