// What createApp and the scheduler are handed: built by an entry point (bot/node.ts, bot/worker.ts) or a test.
import type { Db } from '../db/db.ts';
import type { ComplaintCrypto } from './features/complaints/crypto.ts';
import type { PhotoStore } from './features/complaints/photo-store.ts';
import type { RenderPng } from './features/reports/charts.ts';
import type { LineClient } from './line/client.ts';

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface Deps {
  db: Db;
  line: LineClient;
  /** The Messaging API channel secret: webhook signatures are checked with it. */
  channelSecret: string;
  /** The clock; tests and `ita tick --now` pass their own. */
  now: () => Date;
  log: Logger;
  version: string;
  /** The name users see for the account, e.g. "ITA จังหวัดปทุมธานี". */
  accountName: string;
  /** Local mode: fake LINE API and the /dev simulator (no real credentials). */
  localMode: boolean;
  /** The public origin of this app, for links sent to LINE: short links (/s/…), the mini-app, /privacy. */
  publicBaseUrl: string;
  /** The https origin of images sent to LINE (/qr/…); absent: publicBaseUrl (local mode: a stand-in, config.ts). */
  mediaBaseUrl?: string;
  /** Seals complaint identities and hashes reporters with COMPLAINT_KEY (issue 5 §3). */
  complaintCrypto: ComplaintCrypto;
  /**
   * The LIFF app: its id (absent in local mode, where the app runs on @line/liff-mock) and the LINE Login
   * channel whose ID tokens /api accepts (a local stand-in in local mode, answered by the fake LINE API;
   * absent: no LIFF is configured and /api answers 401).
   */
  liff: { liffId?: string; loginChannelId?: string };
  /**
   * Renders a report chart's SVG to PNG with its text (Node: resvg and Sarabun, tools/charts/png.ts). Absent on
   * Workers, where the native renderer cannot run: Word then gets the SVG with a text-less PNG for old Word.
   */
  renderPng?: RenderPng;
  /** Limits on one outbox drain (Workers cap an invocation's open connections and subrequests). */
  drain?: { concurrency?: number; maxMessages?: number };
  /** Complaint photos' bytes in object storage (Workers: the R2 binding PHOTOS); absent: in the database row. */
  photoStore?: PhotoStore;
}

/** A logger that writes one JSON line per entry, readable by Workers logs and journald alike. */
export function createJsonLogger(write: (line: string) => void): Logger {
  const log = (level: string) => (message: string, data?: Record<string, unknown>) =>
    write(JSON.stringify({ level, message, ...data }));
  return { info: log('info'), warn: log('warn'), error: log('error') };
}
