// The signed-in person for every page: the typed API client, who they are (/api/me), their roles.
import type { InferResponseType } from 'hono/client';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DemoUser } from '../../../bot/tools/demo/line.ts';
import type { Api } from './api.ts';
import type { Session } from './liff.ts';

export type Me = InferResponseType<Api['me']['$get'], 200>;

/** Who may open a route. Everyone signed in counts as 'citizen'. */
export type Role = 'coordinator' | 'staff' | 'officer' | 'citizen';

export interface SessionValue {
  api: Api;
  me: Me;
  session: Session;
  roles: ReadonlySet<Role>;
  /** Local mode only: the demo people to switch between. */
  demoUsers: readonly DemoUser[];
}

export function rolesOf(me: Me): Set<Role> {
  const roles = new Set<Role>(['citizen']);
  if (me.isCoordinator) roles.add('coordinator');
  if (me.staffAgencyIds.length > 0) roles.add('staff');
  if (me.isOfficer) roles.add('officer');
  return roles;
}

/** True when the route has no role list or the person holds one of its roles. */
export function mayOpen(roles: ReadonlySet<Role>, allowed: readonly Role[] | undefined): boolean {
  return allowed === undefined || allowed.some((r) => roles.has(r));
}

export const SessionContext = createContext<SessionValue | undefined>(undefined);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === undefined) throw new Error('useSession outside <SessionContext.Provider>');
  return value;
}
