// The first coordinator (DESIGN.md §5.4): from ADMIN_LINE_USER_IDS, or a one-time code printed at first start.
import { findUsableBindCode } from '../../../db/queries/bind-codes.ts';
import { grantRole, listRoleHolders } from '../../../db/queries/user-roles.ts';
import type { Deps } from '../../deps.ts';
import { COORDINATOR_CODE_KIND, issueCode } from '../groups/codes.ts';

export interface BootstrapOutcome {
  /** Configured ids that became coordinators now (empty when they already were). */
  granted: string[];
  /** Set when the province has no coordinator: typed as `ผู้ประสานงาน <code>` in 1:1 chat, once. */
  claimCode?: string;
  claimExpiresAt?: string;
}

/**
 * Grants coordinator to the configured LINE user ids (again on every start: a no-op when already granted) and,
 * while the province has no coordinator at all, hands back a claim code — the unexpired one already issued,
 * or a new one — for the entry point to print. The code is used up by the `ผู้ประสานงาน` command.
 */
export async function bootstrapCoordinators(
  deps: Pick<Deps, 'db' | 'log'>,
  input: { adminLineUserIds: readonly string[]; provinceId: string },
  now: Date,
): Promise<BootstrapOutcome> {
  const { db } = deps;
  const granted: string[] = [];
  for (const userId of input.adminLineUserIds) {
    const grant = { userId, role: 'coordinator' as const, provinceId: input.provinceId, grantedBy: 'config' };
    if (await grantRole(db, grant, now)) granted.push(userId);
  }
  if (granted.length > 0) deps.log.info('coordinators granted from configuration', { count: granted.length });
  const coordinators = await listRoleHolders(db, { provinceId: input.provinceId, role: 'coordinator' });
  if (coordinators.length > 0) return { granted };
  const kind = COORDINATOR_CODE_KIND;
  const code =
    (await findUsableBindCode(db, { provinceId: input.provinceId, kind }, now)) ??
    (await issueCode(db, { provinceId: input.provinceId, agencyId: null, kind, createdBy: 'setup' }, now));
  return { granted, claimCode: code.code, claimExpiresAt: code.expiresAt };
}
