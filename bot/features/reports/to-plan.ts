// The measures chosen in an analysis report become plan items of the next year, so they get reminders and status.
import { type AnalysisReport, findMeasureTemplate, periodDates } from '../../../core/reports/index.ts';
import type { Db } from '../../../db/db.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { findFiscalYear, upsertFiscalYear } from '../../../db/queries/fiscal-years.ts';
import {
  type Activity,
  createActivities,
  listActivities,
  type NewActivity,
} from '../../../db/queries/plan-activities.ts';
import { frameworkForYear } from '../frameworks/framework-file.ts';
import type { MeasureMeta } from './drafts.ts';

export interface PlanOutcome {
  year: number;
  created: Activity[];
  /** Measures already in the plan from an earlier run: not added twice. */
  skipped: number;
}

/** Measures follow the default calendar's activities on the timeline. */
const FIRST_MEASURE_SEQ = 100;

/** The key that makes adding the same report's measures twice harmless. */
export function measureKey(agencyId: string, measureId: string): string {
  return `measure:${agencyId}:${measureId}`;
}

/**
 * Adds every measure of the (edited) report to the plan of `report.measuresYear` for the report's agency,
 * with its owner and period; makes the fiscal year on record first when the province has none yet.
 * A Thai sentence when the agency is unknown or the year has no framework.
 */
export async function addMeasuresToPlan(
  db: Db,
  report: AnalysisReport,
  now: Date,
  by: string,
): Promise<PlanOutcome | string> {
  const agency = await findAgencyById(db, report.agency.id);
  if (agency === undefined) return `ไม่พบหน่วยงานรหัส "${report.agency.id}"`;
  const year = report.measuresYear;
  if ((await findFiscalYear(db, agency.provinceId, year)) === undefined) {
    const framework = await frameworkForYear(db, year);
    if (framework === undefined) return `ไม่มีกรอบการประเมิน ITA สำหรับปีงบประมาณ ${year}`;
    await upsertFiscalYear(db, { provinceId: agency.provinceId, year, frameworkId: framework.id }, now);
  }
  const existing = await listActivities(db, agency.provinceId, year);
  let seq = Math.max(FIRST_MEASURE_SEQ, ...existing.map((a) => a.seq + 1));
  const planned: NewActivity[] = report.topics.flatMap((topic) =>
    topic.measures.map((measure) => {
      const meta: MeasureMeta = {
        source: 'analysis-report',
        agencyId: agency.id,
        fromYear: report.fiscalYear,
        topic: topic.id,
        measureId: measure.id,
        indicators: [
          ...(findMeasureTemplate(measure.templateId ?? '')?.indicators ??
            topic.items.filter((i) => i.weak).map((i) => i.indicator)),
        ],
        steps: measure.steps,
        ...(measure.templateId === undefined ? {} : { templateId: measure.templateId }),
      };
      return {
        provinceId: agency.provinceId,
        year,
        key: measureKey(agency.id, measure.id),
        seq: seq++,
        titleTh: measure.title,
        detail: measure.steps.join('\n'),
        kind: 'measure',
        ...periodDates(measure.period, year),
        responsible: 'agencies',
        agencyIds: [agency.id],
        owner: measure.owner,
        meta,
        createdBy: by,
      };
    }),
  );
  const taken = new Set(existing.map((a) => a.key));
  const fresh = planned.filter((a) => !taken.has(a.key ?? null));
  const created = await createActivities(db, fresh, now);
  return { year, created, skipped: planned.length - created.length };
}
