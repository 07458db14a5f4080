// What both framework tests start from: the demo, plus FY2570 instrument scores for one city, so FY2570 views
// have a score to show under a framework that is not yet confirmed.
import { loadDemo } from '../../../../bot/tools/demo/load.ts';
import type { Db } from '../../../../db/db.ts';
import { replaceScores } from '../../../../db/queries/scores.ts';

export async function loadDemoWithFy2570Scores(db: Db, now: Date): Promise<void> {
  await loadDemo(db, now);
  await replaceScores(
    db,
    {
      agencyId: 'nakhon-rangsit',
      year: 2570,
      source: 'cli',
      scores: [
        { level: 'instrument', code: 'IIT', score: 90 },
        { level: 'instrument', code: 'EIT', score: 84 },
        { level: 'instrument', code: 'OIT', score: 95 },
      ],
    },
    now,
  );
}
