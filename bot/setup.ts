// First start on Node: in local mode the demo province goes into an empty database; with real LINE credentials
// the demo is never loaded (issue 14 §1): the province and first coordinator come from features/setup.
import type { Deps } from './deps.ts';
import { nextStepLines, type SetupOutcome, setUpProvince } from './features/setup/first-start.ts';
import { loadDemoIfEmpty } from './tools/demo/load.ts';

export { nextStepLines, type SetupOutcome };

export async function ensureSetUp(
  deps: Deps,
  adminLineUserIds: readonly string[],
  province?: { id: string; nameTh: string },
): Promise<SetupOutcome> {
  const now = deps.now();
  if (deps.localMode) {
    const demo = await loadDemoIfEmpty(deps.db, now);
    if (demo !== undefined)
      deps.log.info('demo data loaded into the new database', {
        fiscalYear: demo.fiscalYear,
        ...demo.counts,
      });
  }
  return setUpProvince(deps, adminLineUserIds, province, now);
}
