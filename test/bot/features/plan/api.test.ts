// /api/plan on the demo: the timeline with statuses, "mark done" that stops reminders, and coordinator edits.
import { afterEach, describe, expect, it } from 'vitest';
import { runReminders } from '../../../../bot/features/plan/reminders.ts';
import { drainOutbox } from '../../../../bot/line/outbox/index.ts';
import { demoGroupIdOf } from '../../../../bot/tools/demo/line.ts';
import { bangkokTime } from '../../../../core/index.ts';
import { findActivityStatus } from '../../../../db/queries/activity-status.ts';
import { findActivityById } from '../../../../db/queries/plan-activities.ts';
import { checkAndClose } from '../../../support/harness.ts';
import { type ApiHarness, startApiHarness } from '../../http/api-support.ts';
import { readable } from '../../line/events/conversation.ts';

/** Wednesday 24 June 2026, 08:30: a week before the IIT/EIT answers of FY2569 are due. */
const TICK = bangkokTime(2026, 6, 24, 8, 30);
const STAFF_AGENCY = 'nakhon-rangsit';

let h: ApiHarness;
afterEach(() => checkAndClose(h));

interface ActivityView {
  id: string;
  kind: string;
  seq: number;
  dueDate: string;
  dueMonth: number;
  agencies: { agencyId: string; status: string; overdue: boolean; canMarkDone: boolean }[];
}

describe('GET /api/plan', () => {
  it('lays the year out on fiscal months with statuses and what the viewer may do', async () => {
    h = await startApiHarness(TICK);
    const view = await (await h.call('staff', '/plan')).json();
    expect(view.year).toBe(2569);
    expect(view.today).toBe('2026-06-24');
    expect(view.months[0].label).toBe('ต.ค. 2568');
    expect(view.months[11].label).toBe('ก.ย. 2569');
    expect(view.can.edit).toBe(false);
    expect(view.can.markDoneAgencyIds.sort()).toEqual([
      'district-khlong-luang',
      STAFF_AGENCY,
      'pathum-thani-health',
    ]);
    const iit: ActivityView = view.activities.find((a: ActivityView) => a.kind === 'survey_iit');
    expect(iit.dueDate).toBe('2026-07-01');
    expect(iit.dueMonth).toBe(9); // October is 0, so July is 9
    const overdue = view.activities.flatMap((a: ActivityView) =>
      a.agencies.filter((s) => s.overdue).map(() => a.dueDate),
    );
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((d: string) => d < '2026-06-24')).toBe(true);
    const others = iit.agencies.filter((s) => s.agencyId === 'bang-toei-sao');
    expect(others.every((s) => !s.canMarkDone)).toBe(true);
    expect((await (await h.call('coordinator', '/plan')).json()).can.edit).toBe(true);
  });
});

describe('POST /api/plan/:activityId/done', () => {
  it('marks the agency done as the chat button does, and its group gets no more reminders for it', async () => {
    h = await startApiHarness(TICK);
    const view = await (await h.call('staff', '/plan')).json();
    // The EIT survey: the demo has the staff member's city still at work on it a week before it is due.
    const eit: ActivityView & { title: string } = view.activities.find(
      (a: ActivityView) => a.kind === 'survey_eit',
    );
    const before = eit.agencies.find((s) => s.agencyId === STAFF_AGENCY);
    expect(before).toMatchObject({ canMarkDone: true });
    expect(before?.status).not.toBe('done');
    const res = await h.call('staff', `/plan/${eit.id}/done`, {
      method: 'POST',
      body: { agencyId: STAFF_AGENCY },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ changed: true, status: 'done' });
    const again = await h.call('staff', `/plan/${eit.id}/done`, {
      method: 'POST',
      body: { agencyId: STAFF_AGENCY },
    });
    expect(await again.json()).toMatchObject({ changed: false });
    expect((await findActivityStatus(h.deps.db, eit.id, STAFF_AGENCY))?.status).toBe('done');

    await runReminders(h.deps, TICK);
    await drainOutbox(h.deps, TICK);
    const about = (group: string) =>
      h.fake.messagesTo(group).filter((m) => readable([m]).includes(`ข้อ ${eit.seq} `));
    const behind = eit.agencies.find((s) => s.status !== 'done' && s.agencyId !== STAFF_AGENCY);
    expect(about(demoGroupIdOf(behind?.agencyId ?? ''))).not.toEqual([]);
    expect(about(demoGroupIdOf(STAFF_AGENCY))).toEqual([]);
  });

  it('refuses staff marking an agency they do not work for', async () => {
    h = await startApiHarness(TICK);
    const view = await (await h.call('staff', '/plan')).json();
    const eit: ActivityView = view.activities.find((a: ActivityView) => a.kind === 'survey_eit');
    const other = eit.agencies.find((s) => s.status !== 'done' && !s.canMarkDone);
    if (other === undefined) throw new Error('the demo has every agency done');
    const res = await h.call('staff', `/plan/${eit.id}/done`, {
      method: 'POST',
      body: { agencyId: other.agencyId },
    });
    expect(res.status).toBe(403);
    expect((await findActivityStatus(h.deps.db, eit.id, other.agencyId))?.status).not.toBe('done');
  });
});

describe('coordinator plan edits', () => {
  it('creates the next year from the default calendar once, adds an activity, moves and reassigns it', async () => {
    h = await startApiHarness(TICK);
    const first = await (
      await h.call('coordinator', '/plan', { method: 'POST', body: { fromDefault: true, year: 2571 } })
    ).json();
    expect(first.created).toBeGreaterThan(10);
    const second = await (
      await h.call('coordinator', '/plan', { method: 'POST', body: { fromDefault: true, year: 2571 } })
    ).json();
    expect(second).toMatchObject({ created: 0, existing: first.created });

    const added = await h.call('coordinator', '/plan', {
      method: 'POST',
      body: {
        year: 2571,
        title: 'ประชุมชี้แจงแนวทาง ITA',
        startDate: '2027-11-01',
        dueDate: '2027-11-15',
        agencyIds: [STAFF_AGENCY],
      },
    });
    expect(added.status).toBe(201);
    const [id] = (await added.json()).ids;
    const moved = await h.call('coordinator', `/plan/${id}`, {
      method: 'PATCH',
      body: { dueDate: '2027-11-30', agencyIds: ['bang-toei-sao', 'rahaeng-sao'] },
    });
    expect(moved.status).toBe(200);
    const stored = await findActivityById(h.deps.db, id);
    expect(stored).toMatchObject({ dueOn: '2027-11-30', responsible: 'agencies', seq: first.created + 1 });
    expect(stored?.agencyIds.sort()).toEqual(['bang-toei-sao', 'rahaeng-sao']);

    const backwards = await h.call('coordinator', `/plan/${id}`, {
      method: 'PATCH',
      body: { startDate: '2027-12-05' },
    });
    expect(backwards.status).toBe(400);
    const unknown = await h.call('coordinator', `/plan/${id}`, {
      method: 'PATCH',
      body: { agencyIds: ['nowhere'] },
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).message).toContain('nowhere');
  });
});
