// Stores a checked results import: every agency-year's scores and published figures in one batch, the
// fiscal years opened where needed, and an audit entry saying who imported what.
import type { Db } from '../../../db/db.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { buildAudit } from '../../../db/queries/audit-log.ts';
import { findFiscalYear, upsertFiscalYear } from '../../../db/queries/fiscal-years.ts';
import { replaceScoreSets, type ScoreSet } from '../../../db/queries/scores.ts';
import { frameworkForYear } from '../frameworks/framework-file.ts';

export async function storeResults(
  db: Db,
  sets: readonly ScoreSet[],
  who: { source: ScoreSet['source']; by: string; fileName: string },
  now: Date,
): Promise<number> {
  const opened = new Set<string>();
  for (const set of sets) {
    const agency = await findAgencyById(db, set.agencyId);
    const framework = await frameworkForYear(db, set.year);
    const key = `${agency?.provinceId}/${set.year}`;
    if (agency === undefined || framework === undefined || opened.has(key)) continue;
    opened.add(key);
    if ((await findFiscalYear(db, agency.provinceId, set.year)) === undefined)
      await upsertFiscalYear(
        db,
        { provinceId: agency.provinceId, year: set.year, frameworkId: framework.id },
        now,
      );
  }
  const rows = sets.reduce((n, set) => n + set.scores.length, 0);
  const audit = buildAudit(
    db,
    {
      actor: who.by,
      action: 'scores.import',
      subjectType: 'file',
      subjectId: who.fileName,
      detail: { agencies: sets.map((s) => `${s.agencyId}/${s.year}`), rows },
    },
    now,
  );
  return replaceScoreSets(
    db,
    sets.map((set) => ({ ...set, source: who.source, sourceBy: who.fileName })),
    now,
    [audit],
  );
}
