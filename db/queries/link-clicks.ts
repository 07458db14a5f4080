// Queries on `link_clicks`: counting clicks on the short survey links per channel and hour.
import { sql } from 'kysely';
import type { Db } from '../db.ts';

/** How a short link was reached, from its `?c=` parameter ('line': handed out in a LINE chat). */
export type ClickChannel = 'line' | 'group' | 'chat' | 'qr' | 'liff' | 'web';

/** Counts one click; false when the code is unknown (nothing is stored for it). One upsert statement. */
export async function recordClick(db: Db, code: string, channel: ClickChannel, now: Date): Promise<boolean> {
  const hour = now.toISOString().slice(0, 13);
  const result = await sql`INSERT INTO link_clicks (code, channel, hour, count)
    SELECT code, ${channel}, ${hour}, 1 FROM survey_links WHERE code = ${code}
    ON CONFLICT (code, channel, hour) DO UPDATE SET count = count + 1`.execute(db.kysely);
  return (result.numAffectedRows ?? 0n) > 0n;
}

/** Clicks on one short link by channel, e.g. { qr: 12, group: 30 }. */
export async function countClicksByChannel(
  db: Db,
  code: string,
): Promise<Partial<Record<ClickChannel, number>>> {
  const rows = await db.kysely
    .selectFrom('link_clicks')
    .select(['channel', (eb) => eb.fn.sum<number>('count').as('clicks')])
    .where('code', '=', code)
    .groupBy('channel')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.channel, Number(r.clicks)]));
}
