// Delivery reports: once every message of a confirmed announcement is sent or failed, tell its coordinator.
import type { Db } from '../../../db/db.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import type { Broadcast } from '../../../db/queries/broadcasts.ts';
import { listBroadcastsByState, settleBroadcast } from '../../../db/queries/broadcasts.ts';
import { findGroup } from '../../../db/queries/line-groups.ts';
import { listOutboxBySource } from '../../../db/queries/outbox.ts';
import type { Deps } from '../../deps.ts';
import { buildBroadcastReport } from './messages.ts';

/** The agency a group served when the announcement went out, by name (the group id when it is unknown). */
async function nameOfGroup(db: Db, groupId: string): Promise<string> {
  const group = await findGroup(db, groupId);
  const agency = group?.agencyId ? await findAgencyById(db, group.agencyId) : undefined;
  if (agency !== undefined) return agency.shortName ?? agency.nameTh;
  return group?.kind === 'officers' ? 'กลุ่มเจ้าหน้าที่รับเรื่องร้องเรียน' : `กลุ่ม ${groupId.slice(0, 8)}…`;
}

/** Queues the report of one broadcast if all its messages are settled; true when this call queued it. */
async function reportOne(deps: Deps, broadcast: Broadcast, now: Date): Promise<boolean> {
  const rows = await listOutboxBySource(deps.db, { kind: 'broadcast', id: broadcast.id });
  if (rows.some((r) => r.state === 'pending' || r.state === 'sending')) return false;
  const failedNames: string[] = [];
  for (const row of rows)
    if (row.state === 'failed') failedNames.push(await nameOfGroup(deps.db, row.recipient));
  const messages = buildBroadcastReport({
    body: broadcast.text,
    confirmedAt: new Date(broadcast.confirmedAt ?? broadcast.createdAt),
    delivered: rows.filter((r) => r.state === 'sent').length,
    failedNames,
  });
  const to = broadcast.confirmedBy ?? broadcast.createdBy;
  // settleBroadcast re-checks "nothing pending" in the same batch that marks it sent and queues the report.
  return settleBroadcast(deps.db, { id: broadcast.id, report: { kind: 'push', to, messages } }, now);
}

/**
 * Called by the scheduler after the outbox drain: a report for each confirmed broadcast whose messages have
 * all been sent or failed, queued exactly once (it goes out with the next drain). Returns reports queued.
 */
export async function reportFinishedBroadcasts(deps: Deps, now: Date): Promise<number> {
  let queued = 0;
  for (const broadcast of await listBroadcastsByState(deps.db, 'confirmed')) {
    if (await reportOne(deps, broadcast, now)) queued += 1;
  }
  if (queued > 0) deps.log.info('broadcast delivery reports queued', { count: queued });
  return queued;
}
