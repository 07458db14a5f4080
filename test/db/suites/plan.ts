// Plan activities, responsible agencies and per-agency status with history, on both dialects.
import { describe, expect, it } from 'vitest';
import { frameworkFor } from '../../../core/index.ts';
import {
  listActivityStatuses,
  listAgencyTasks,
  listOpenTasks,
  listPlanStatuses,
  listStatusHistory,
  setActivityStatus,
} from '../../../db/queries/activity-status.ts';
import { upsertAgencies } from '../../../db/queries/agencies.ts';
import { upsertFiscalYear } from '../../../db/queries/fiscal-years.ts';
import type { NewActivity } from '../../../db/queries/plan-activities.ts';
import {
  createActivities,
  createActivity,
  deleteActivity,
  findActivityById,
  listActivities,
  updateActivity,
} from '../../../db/queries/plan-activities.ts';
import { upsertProvince } from '../../../db/queries/provinces.ts';
import { forEachDialect } from '../dialects.ts';
import { minutesLater, NOW, PROVINCE, seeded, YEAR } from '../fixtures.ts';

const base = { provinceId: PROVINCE, year: YEAR };
const IIT: NewActivity = {
  ...base,
  key: 'default-8',
  seq: 8,
  titleTh: 'ให้ผู้มีส่วนได้ส่วนเสียภายในตอบแบบวัด IIT ให้แล้วเสร็จ',
  kind: 'survey_iit',
  startsOn: '2024-01-01',
  dueOn: '2024-07-01',
  responsible: 'all',
};
const OIT: NewActivity = {
  ...base,
  key: 'default-10',
  seq: 10,
  titleTh: 'เผยแพร่ OIT',
  kind: 'oit',
  dueOn: '2024-03-31',
  responsible: 'all',
};
const MEASURE: NewActivity = {
  ...base,
  seq: 20,
  titleTh: 'มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้าง',
  kind: 'measure',
  dueOn: '2024-09-30',
  responsible: 'agencies',
  agencyIds: ['pt-pao', 'pt-thanyaburi'],
  owner: 'กองคลัง',
  meta: { topic: 5, items: ['o13', 'o14'] },
};

describe('plan activities', () => {
  forEachDialect((ctx) => {
    it('creates an activity with its responsible agencies and maps it', async () => {
      const db = await seeded(ctx.open);
      const created = await createActivity(db, MEASURE, NOW);
      expect(created).toMatchObject({
        provinceId: PROVINCE,
        year: YEAR,
        key: null,
        kind: 'measure',
        startsOn: null,
        dueOn: '2024-09-30',
        responsible: 'agencies',
        owner: 'กองคลัง',
        meta: { topic: 5, items: ['o13', 'o14'] },
        createdAt: NOW.toISOString(),
      });
      expect(created?.agencyIds.sort()).toEqual(['pt-pao', 'pt-thanyaburi']);
      expect(created && (await findActivityById(db, created.id))).toEqual(created);
    });

    it('skips an activity whose key exists, so the default plan can be made twice', async () => {
      const db = await seeded(ctx.open);
      expect(await createActivities(db, [IIT, OIT], NOW)).toHaveLength(2);
      expect(await createActivities(db, [IIT, OIT, MEASURE], NOW)).toHaveLength(1);
      expect(await createActivity(db, IIT, NOW)).toBeUndefined();
      expect((await listActivities(db, PROVINCE, YEAR)).map((a) => a.seq)).toEqual([8, 10, 20]);
    });

    it('creates nothing when one responsible agency is unknown', async () => {
      const db = await seeded(ctx.open);
      await expect(createActivity(db, { ...MEASURE, agencyIds: ['pt-pao', 'ghost'] }, NOW)).rejects.toThrow(
        /FOREIGN KEY/,
      );
      expect(await listActivities(db, PROVINCE, YEAR)).toEqual([]);
    });

    it('moves the due date and replaces the responsible agencies', async () => {
      const db = await seeded(ctx.open);
      const created = await createActivity(db, MEASURE, NOW);
      const id = created?.id ?? '';
      const later = minutesLater(10);
      const updated = await updateActivity(db, id, { dueOn: '2024-08-31', agencyIds: ['pt-office'] }, later);
      expect(updated).toMatchObject({
        dueOn: '2024-08-31',
        agencyIds: ['pt-office'],
        titleTh: MEASURE.titleTh,
      });
      expect(updated?.updatedAt).toBe(later.toISOString());
      expect(await updateActivity(db, 'nope', { dueOn: '2024-08-31' }, later)).toBeUndefined();
    });

    it('deletes an activity with its statuses', async () => {
      const db = await seeded(ctx.open);
      const created = await createActivity(db, OIT, NOW);
      const id = created?.id ?? '';
      await setActivityStatus(db, { activityId: id, agencyId: 'pt-pao', status: 'done', by: 'Uabc' }, NOW);
      expect(await deleteActivity(db, id)).toBe(true);
      expect(await listActivityStatuses(db, id)).toEqual([]);
      expect(await deleteActivity(db, id)).toBe(false);
    });
  });
});

describe('activity status', () => {
  forEachDialect((ctx) => {
    it('sets a status with a history row and keeps the first marker on a repeat', async () => {
      const db = await seeded(ctx.open);
      const activity = await createActivity(db, OIT, NOW);
      const activityId = activity?.id ?? '';
      const first = await setActivityStatus(
        db,
        {
          activityId,
          agencyId: 'pt-pao',
          status: 'done',
          by: 'Ufirst',
          evidenceUrl: 'https://pao.example/oit',
        },
        NOW,
      );
      expect(first).toEqual({
        changed: true,
        status: {
          activityId,
          agencyId: 'pt-pao',
          status: 'done',
          updatedBy: 'Ufirst',
          updatedAt: NOW.toISOString(),
          evidenceUrl: 'https://pao.example/oit',
          note: null,
        },
      });
      const again = await setActivityStatus(
        db,
        { activityId, agencyId: 'pt-pao', status: 'done', by: 'Usecond' },
        minutesLater(1),
      );
      expect(again.changed).toBe(false);
      expect(again.status.updatedBy).toBe('Ufirst');
      expect(await listStatusHistory(db, activityId, 'pt-pao')).toHaveLength(1);
    });

    it('records each change in order and keeps evidence not given again', async () => {
      const db = await seeded(ctx.open);
      const activityId = (await createActivity(db, OIT, NOW))?.id ?? '';
      const task = { activityId, agencyId: 'pt-office' };
      await setActivityStatus(
        db,
        { ...task, status: 'in_progress', by: 'U1', evidenceUrl: 'https://x.example' },
        NOW,
      );
      await setActivityStatus(db, { ...task, status: 'done', by: 'U2', note: 'ครบ' }, minutesLater(1));
      const history = await listStatusHistory(db, activityId, 'pt-office');
      expect(history.map((h) => [h.status, h.updatedBy, h.evidenceUrl])).toEqual([
        ['in_progress', 'U1', 'https://x.example'],
        ['done', 'U2', null],
      ]);
      expect((await listActivityStatuses(db, activityId))[0]).toMatchObject({
        evidenceUrl: 'https://x.example',
        note: 'ครบ',
      });
    });

    it('lists an agency open tasks: all-agency ones and those naming it, not done, by due date', async () => {
      const db = await seeded(ctx.open);
      const [iit, oit, measure] = await createActivities(db, [IIT, OIT, MEASURE], NOW);
      await createActivity(
        db,
        { ...base, seq: 1, titleTh: 'งานของจังหวัด', dueOn: '2023-12-31', responsible: 'coordinator' },
        NOW,
      );
      await setActivityStatus(
        db,
        { activityId: oit?.id ?? '', agencyId: 'pt-pao', status: 'done', by: 'U' },
        NOW,
      );
      await setActivityStatus(
        db,
        { activityId: iit?.id ?? '', agencyId: 'pt-pao', status: 'in_progress', by: 'U' },
        NOW,
      );
      const open = await listOpenTasks(db, 'pt-pao', YEAR);
      expect(open.map((t) => [t.activityId, t.status])).toEqual([
        [iit?.id, 'in_progress'],
        [measure?.id, 'not_started'],
      ]);
      expect((await listAgencyTasks(db, 'pt-pao', YEAR)).map((t) => t.seq)).toEqual([10, 8, 20]);
      expect((await listOpenTasks(db, 'pt-office', YEAR)).map((t) => t.seq)).toEqual([10, 8]);
      expect(await listOpenTasks(db, 'pt-pao', 2568)).toEqual([]);
    });

    it("lists every status of the province's plan for the year, and none of another year or province", async () => {
      const db = await seeded(ctx.open);
      const [iit, oit, measure] = await createActivities(db, [IIT, OIT, MEASURE], NOW);
      const framework = { frameworkId: frameworkFor(2568)?.id ?? '' };
      await upsertFiscalYear(db, { provinceId: PROVINCE, year: 2568, ...framework }, NOW);
      await upsertProvince(db, { id: 'nonthaburi', nameTh: 'นนทบุรี', nameEn: 'Nonthaburi' }, NOW);
      await upsertFiscalYear(db, { provinceId: 'nonthaburi', year: YEAR, ...framework }, NOW);
      await upsertAgencies(
        db,
        [
          {
            id: 'nb-office',
            provinceId: 'nonthaburi',
            nameTh: 'สำนักงานจังหวัดนนทบุรี',
            type: 'provincial_office',
          },
        ],
        NOW,
      );
      const nextYear = await createActivity(db, { ...OIT, year: 2568 }, NOW);
      const elsewhere = await createActivity(db, { ...OIT, provinceId: 'nonthaburi' }, NOW);
      const mark = (activityId = '', agencyId: string, status: 'in_progress' | 'done') =>
        setActivityStatus(db, { activityId, agencyId, status, by: 'U1', note: `${agencyId} ${status}` }, NOW);
      await mark(iit?.id, 'pt-pao', 'in_progress');
      await mark(iit?.id, 'pt-office', 'done');
      await mark(oit?.id, 'pt-thanyaburi', 'done');
      await mark(nextYear?.id, 'pt-pao', 'done');
      await mark(elsewhere?.id, 'nb-office', 'done');

      const statuses = await listPlanStatuses(db, PROVINCE, YEAR);
      expect(statuses.map((s) => [s.activityId, s.agencyId, s.status]).sort()).toEqual(
        [
          [iit?.id, 'pt-office', 'done'],
          [iit?.id, 'pt-pao', 'in_progress'],
          [oit?.id, 'pt-thanyaburi', 'done'],
        ].sort(),
      );
      // The same rows, mapped the same way, as one query per activity gives.
      const ids = [iit, oit, measure].map((a) => a?.id ?? '').sort();
      expect(statuses).toEqual((await Promise.all(ids.map((id) => listActivityStatuses(db, id)))).flat());
      expect(statuses[0]).toMatchObject({ updatedBy: 'U1', updatedAt: NOW.toISOString(), evidenceUrl: null });
      expect((await listPlanStatuses(db, PROVINCE, 2568)).map((s) => s.activityId)).toEqual([nextYear?.id]);
      expect(await listPlanStatuses(db, PROVINCE, 2566)).toEqual([]);
    });
  });
});
