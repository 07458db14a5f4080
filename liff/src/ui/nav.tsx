// Bottom navigation: the routes with a nav label that this person may open; fixed height, so nothing jumps.
import { hrefOf } from '../lib/router.ts';
import { mayOpen, type Role } from '../lib/session.ts';
import type { RouteDef } from '../routes.tsx';

interface NavProps {
  routes: readonly RouteDef[];
  /** Undefined while signing in: only the open routes show. */
  roles: ReadonlySet<Role> | undefined;
  path: string;
}

/** The nav item a path belongs to: its own, or the closest parent ('tools/import' → 'tools'). */
function isCurrent(route: RouteDef, path: string): boolean {
  if (route.path === '') return path === '' || path.startsWith('agency/');
  return path === route.path || path.startsWith(`${route.path}/`);
}

export function Nav({ routes, roles, path }: NavProps) {
  const items = routes.filter(
    (r) => r.nav !== undefined && (roles === undefined ? r.roles === undefined : mayOpen(roles, r.roles)),
  );
  return (
    <nav class="bottom-nav" aria-label="เมนูหลัก">
      {items.map((r) => (
        <a key={r.path} href={hrefOf(r.path)} aria-current={isCurrent(r, path) ? 'page' : undefined}>
          {r.nav}
        </a>
      ))}
    </nav>
  );
}
