// First start on Node: demo data into an empty database, the home province, and the first coordinator.

import type { Deps } from './deps.ts';
import { bootstrapCoordinators } from './features/roles/bootstrap.ts';
import { accountNameOf, homeProvinceId } from './line/chat/who.ts';
import { loadDemoIfEmpty } from './tools/demo/load.ts';

export interface SetupOutcome {
  accountName: string;
  /** A one-time code for the first coordinator, when nobody is one yet (printed at start). */
  claimCode?: string;
}

/** An empty database gets the demo province (which becomes the home province) on first start. */
async function loadDemoOnFirstStart(deps: Deps, now: Date): Promise<void> {
  const demo = await loadDemoIfEmpty(deps.db, now);
  if (demo !== undefined) {
    deps.log.info('demo data loaded into the new database', { fiscalYear: demo.fiscalYear, ...demo.counts });
  }
}

export async function ensureSetUp(deps: Deps, adminLineUserIds: readonly string[]): Promise<SetupOutcome> {
  const now = deps.now();
  await loadDemoOnFirstStart(deps, now);
  const provinceId = await homeProvinceId(deps.db);
  const accountName = await accountNameOf(deps.db);
  if (provinceId === undefined) return { accountName };
  const boot = await bootstrapCoordinators(deps, { adminLineUserIds, provinceId }, now);
  return { accountName, claimCode: boot.claimCode };
}
