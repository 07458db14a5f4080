// A coordinator's announcement from draft to queue: its preview, a new audience, and the confirm that queues it.
import type { Db } from '../../../db/db.ts';
import type { Broadcast } from '../../../db/queries/broadcasts.ts';
import { confirmBroadcast, findBroadcast } from '../../../db/queries/broadcasts.ts';
import { findActivityById } from '../../../db/queries/plan-activities.ts';
import { findProvinceById } from '../../../db/queries/provinces.ts';
import type { Deps } from '../../deps.ts';
import type { LineMessage } from '../../line/client.ts';
import { costOfSend } from '../quota/cost.ts';
import { BroadcastFilter, describeAudience, filterKey } from './audience.ts';
import {
  buildAnnouncement,
  buildBroadcastClosed,
  buildPreview,
  buildQueued,
  buildStalePreview,
} from './messages.ts';
import { listRecipients } from './recipients.ts';

export async function provinceNameOf(db: Db, provinceId: string): Promise<string> {
  return (await findProvinceById(db, provinceId))?.nameTh ?? '';
}

/** The stored filter; this layer wrote it, so anything else is a bug to surface, never "send to everyone". */
function readFilter(broadcast: Broadcast): BroadcastFilter {
  return BroadcastFilter.parse(broadcast.filter ?? {});
}

/**
 * The preview of a draft as it stands: the exact message, who gets it, how many groups, what it costs in LINE's
 * monthly quota and what remains after it, the buttons.
 */
export async function previewBroadcast(
  deps: Pick<Deps, 'db' | 'line'>,
  broadcast: Broadcast,
): Promise<LineMessage[]> {
  const { db } = deps;
  const filter = readFilter(broadcast);
  const groups = await listRecipients(db, broadcast.provinceId, filter);
  const activity =
    filter.activityId === undefined ? undefined : await findActivityById(db, filter.activityId);
  const province = await provinceNameOf(db, broadcast.provinceId);
  return buildPreview({
    id: broadcast.id,
    announcement: buildAnnouncement(broadcast.text, province),
    audience: describeAudience(filter, activity),
    count: groups.length,
    cost: await costOfSend(
      deps,
      groups.map((g) => g.groupId),
    ),
    key: filterKey(filter),
  });
}

/** A draft of this province to act on, or the answer to give when it is not (any more) one. */
export async function findDraft(
  db: Db,
  id: string,
  provinceId: string,
): Promise<{ draft: Broadcast } | { answer: LineMessage[] }> {
  const broadcast = await findBroadcast(db, id);
  if (broadcast === undefined || broadcast.provinceId !== provinceId)
    return { answer: buildBroadcastClosed('unknown') };
  if (broadcast.state !== 'draft') return { answer: buildBroadcastClosed(broadcast.state) };
  return { draft: broadcast };
}

/**
 * Queues one push per recipient group in one batch with the state change (confirmBroadcast): a second tap, or
 * two taps at once, finds the draft gone and queues nothing. `key` must match the filter the preview showed.
 */
export async function sendDraft(
  deps: Pick<Deps, 'db' | 'line'>,
  draft: Broadcast,
  input: { key: string; by: string },
  now: Date,
): Promise<LineMessage[]> {
  const { db } = deps;
  const filter = readFilter(draft);
  if (input.key !== filterKey(filter)) return buildStalePreview();
  const groups = await listRecipients(db, draft.provinceId, filter);
  if (groups.length === 0) return previewBroadcast(deps, draft);
  const announcement = buildAnnouncement(draft.text, await provinceNameOf(db, draft.provinceId));
  const messages = groups.map((g) => ({ kind: 'push' as const, to: g.groupId, messages: [announcement] }));
  const confirmed = await confirmBroadcast(db, { id: draft.id, by: input.by, messages }, now);
  if (confirmed === undefined) {
    const state = (await findBroadcast(db, draft.id))?.state;
    return buildBroadcastClosed(state === undefined || state === 'draft' ? 'unknown' : state);
  }
  return buildQueued(confirmed.recipientCount ?? groups.length);
}
