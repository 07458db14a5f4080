// Builds Deps on Node from a validated Config: the SQLite file, and LINE — the real API, or the fake on
// loopback in local mode. Shared by `npm start` (bot/node.ts) and the `ita` CLI.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../db/db.ts';
import { openSqlite } from '../db/sqlite.ts';
import type { Config } from './config.ts';
import type { Deps, Logger } from './deps.ts';
import type { FakeLine } from './dev/fake-line/index.ts';
import { createComplaintCrypto, generateComplaintKey } from './features/complaints/crypto.ts';
import type { PhotoStore } from './features/complaints/photo-store.ts';
import { createLineClient } from './line/client.ts';
import { renderChartPng } from './tools/charts/png.ts';
import { VERSION } from './version.ts';

export interface NodeDeps {
  deps: Deps;
  /** The fake LINE API when in local mode: every message still goes through LINE's real request shapes. */
  fake?: FakeLine;
  close(): Promise<void>;
}

/**
 * COMPLAINT_KEY, or in local mode a key generated once into the data folder (0600, next to the database) so
 * that demo complaints still open after a restart. An in-memory database gets a key that lives as long.
 */
function complaintKeyOf(config: Config, log: Logger): string {
  if (config.complaintKey !== undefined) return config.complaintKey;
  if (config.databasePath === ':memory:') return generateComplaintKey();
  const file = join(dirname(config.databasePath), 'complaint.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = generateComplaintKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  log.info('local mode: generated a complaint key', { file });
  return key;
}

/**
 * `database`: one the caller opened instead of the SQLite file (the CLI's `--workers`: the Worker's D1 and
 * photo bucket); it is closed with the rest.
 */
export async function createNodeDeps(
  config: Config,
  log: Logger,
  database?: Db & { photoStore?: PhotoStore },
): Promise<NodeDeps> {
  const db = database ?? openSqlite(config.databasePath);
  // Local mode can run for weeks: the fake keeps only its latest requests (the simulator has its own history).
  // Imported on demand: with real LINE credentials bot/dev is never loaded.
  const fake = config.localMode
    ? await (await import('./dev/fake-line/index.ts')).startFakeLine({
        channelAccessToken: config.line.channelAccessToken,
        maxRecorded: 2000,
      })
    : undefined;
  const line = createLineClient({
    channelAccessToken: config.line.channelAccessToken,
    apiBaseUrl: fake?.url ?? config.line.apiBaseUrl,
    dataApiBaseUrl: fake?.url ?? config.line.dataApiBaseUrl,
  });
  const deps: Deps = {
    db,
    line,
    channelSecret: config.line.channelSecret,
    now: () => new Date(),
    log,
    version: VERSION,
    accountName: 'ITA จังหวัด',
    localMode: config.localMode,
    publicBaseUrl: config.publicBaseUrl,
    mediaBaseUrl: config.mediaBaseUrl,
    complaintCrypto: createComplaintCrypto(complaintKeyOf(config, log)),
    liff: config.liff,
    ...(config.outboxMessagesPerRun === undefined
      ? {}
      : { drain: { maxMessages: config.outboxMessagesPerRun } }),
    renderPng: renderChartPng,
  };
  return {
    deps,
    fake,
    async close() {
      await fake?.close();
      await db.close();
    },
  };
}
