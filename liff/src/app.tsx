// The shell: sign in (LIFF, or a demo token in local mode), read /api/me, then the page for the path with a header
// and nav. On a phone every round trip before the first screen costs ~150 ms+, so sign-in is one fetch after
// the preloaded config, the page's data starts alongside /api/me, and liff-mock loads only after the first screen.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type Api, ApiError, createClients, ok } from './lib/api.ts';
import { fetchLiffConfig, rememberDemoUser, type Session, signIn, startMock } from './lib/liff.ts';
import { currentPath, liffStateTarget, matchPath, navigate, usePath } from './lib/router.ts';
import { mayOpen, type Role, rolesOf, SessionContext, type SessionValue } from './lib/session.ts';
import type { Loaded } from './lib/use-load.ts';
import { ROUTES, type RouteDef } from './routes.tsx';
import { IdentitySwitcher } from './ui/identity-switcher.tsx';
import { Nav } from './ui/nav.tsx';
import { ApiErrorState, ErrorState, Loading } from './ui/states.tsx';

const APP_NAME = 'ITA จังหวัด';
/** "ITA จังหวัดปทุมธานี" once /api/me has said which province. */
const appNameOf = (provinceName: string | null | undefined) =>
  provinceName ? `${APP_NAME}${provinceName}` : APP_NAME;

const ROLE_NAMES: Record<Role, string> = {
  coordinator: 'ผู้ประสานงาน ITA ของจังหวัด',
  staff: 'ผู้รับผิดชอบงาน ITA ของหน่วยงาน',
  officer: 'เจ้าหน้าที่รับเรื่องร้องเรียนของหน่วยงาน',
  citizen: 'ผู้ใช้ทุกคน',
};

/** What the page is for and who may open it — the reason, not a guess at the person's job. */
function Refusal({ route }: { route: RouteDef }) {
  const who = (route.roles ?? []).map((r) => ROLE_NAMES[r]).join(' และ');
  return (
    <div class="card refusal" role="alert">
      <p>
        ขออภัย หน้า "{route.title}" {route.purpose ?? ''} เปิดได้เฉพาะ{who}
      </p>
      <p class="muted">หากท่านควรมีสิทธิ์นี้ โปรดติดต่อผู้ประสานงาน ITA ของจังหวัด</p>
    </div>
  );
}
/** How long liff-mock waits for an idle moment after sign-in before it loads anyway. */
const MOCK_IDLE_TIMEOUT_MS = 3000;

type Boot = Loaded<SessionValue> | { status: 'redirecting'; data?: undefined; error?: undefined };

/** Signs in, starts the page's data (`prefetch`), then reads who the person is. */
async function boot(prefetch: (api: Api) => void): Promise<Boot> {
  const config = await fetchLiffConfig();
  const outcome = await signIn(config);
  if (outcome.kind === 'redirecting') return { status: 'redirecting' };
  if (outcome.kind === 'failed') throw new Error(outcome.message);
  // A LIFF deep link arrived as ?liff.state=/agency/x: show it at its own address from now on.
  const deepLink = liffStateTarget(location.search);
  if (deepLink !== undefined) navigate(deepLink, { replace: true });
  const session: Session = outcome.session;
  const { api, prefetch: early } = createClients(session.idToken);
  prefetch(early);
  const me = await ok(api.me.$get());
  return { status: 'ok', data: { api, me, session, roles: rolesOf(me), demoUsers: outcome.demoUsers } };
}

/** Runs `work` when the page is idle (the first screen's data and chunks have their bandwidth first). */
function whenIdle(work: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(work, { timeout: MOCK_IDLE_TIMEOUT_MS });
  else setTimeout(work, MOCK_IDLE_TIMEOUT_MS / 3);
}

function findRoute(path: string) {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path.split('?')[0] ?? '');
    if (params !== undefined) return { route, params };
  }
  return undefined;
}

/**
 * Starts the current page's chunk before the first render: the shell's effects run only after a paint, which on a
 * slow phone is a few hundred milliseconds the score card's chunk would otherwise wait.
 */
export function preloadCurrentPage(): void {
  findRoute(currentPath(location))?.route.page.preload?.();
}

/** Starts the current page's first GET with the clients that sign-in made. */
function prefetchCurrentPage(api: Api): void {
  const now = findRoute(currentPath(location));
  if (now !== undefined) now.route.prefetch?.(api, now.params);
}

/** The first sign-in, started by startBoot() before the first render; the shell's first round takes it. */
let firstBoot: Promise<Boot> | undefined;

/**
 * Starts signing in before the first render: the shell's effects run only after the first layout and paint, which
 * on a slow phone (Thai text's first layout above all) hold the sign-in and the page's data back by ~100–300 ms.
 */
export function startBoot(): void {
  firstBoot ??= boot(prefetchCurrentPage);
  // A failure is read (and shown) by the shell; this copy only keeps it from being reported as unhandled.
  firstBoot.catch(() => undefined);
}

function takeBoot(): Promise<Boot> {
  const started = firstBoot;
  firstBoot = undefined;
  return started ?? boot(prefetchCurrentPage);
}

export function App() {
  const [state, setState] = useState<Boot>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const path = usePath();

  useEffect(() => {
    if (round > 0) setState({ status: 'loading' });
    let current = true;
    takeBoot().then(
      (booted) => {
        if (!current) return;
        setState(booted);
        const session = booted.data?.session;
        if (session?.mock !== true) return;
        // Local mode: liff-mock in the session once loaded (the share button asks it about the target picker).
        whenIdle(() =>
          startMock(session).then(
            (liff) =>
              setState((now) =>
                current && now.status === 'ok' && now.data.session === session
                  ? { status: 'ok', data: { ...now.data, session: { ...session, liff } } }
                  : now,
              ),
            () => undefined,
          ),
        );
      },
      (error: unknown) => {
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(0, error instanceof Error ? error.message : String(error));
        if (current) setState({ status: 'error', error: apiError });
      },
    );
    return () => {
      current = false;
    };
  }, [round]);

  const found = useMemo(() => findRoute(path), [path]);

  // The page's own chunk downloads while signing in rather than after it.
  useEffect(() => found?.route.page.preload?.(), [found]);

  useEffect(() => {
    const name = appNameOf(state.data?.me.provinceName);
    document.title = found === undefined ? name : `${found.route.title} · ${name}`;
  }, [found, state.data]);

  const switchTo = (userId: string) => {
    rememberDemoUser(userId);
    navigate('');
    setRound((r) => r + 1);
  };

  const value = state.data;
  return (
    <div class="shell">
      <header class="top">
        <span class="app-name">{appNameOf(value?.me.provinceName)}</span>
        {value !== undefined && value.demoUsers.length > 0 && (
          <IdentitySwitcher
            users={value.demoUsers}
            current={value.session.demoUser?.userId}
            onSwitch={switchTo}
          />
        )}
      </header>
      <main id="main">
        {found !== undefined && <h1>{found.route.title}</h1>}
        {state.status === 'loading' || state.status === 'redirecting' ? (
          <Loading />
        ) : state.status === 'error' ? (
          <ApiErrorState error={state.error} onRetry={() => setRound((r) => r + 1)} />
        ) : found === undefined ? (
          <ErrorState
            message="ไม่พบหน้านี้ในแอป โปรดกลับไปหน้าหลัก"
            onRetry={() => navigate('')}
            retryLabel="หน้าหลัก"
          />
        ) : !mayOpen(state.data.roles, found.route.roles) ? (
          <Refusal route={found.route} />
        ) : (
          <SessionContext.Provider value={state.data}>
            <found.route.page key={path} params={found.params} />
          </SessionContext.Provider>
        )}
      </main>
      <Nav routes={ROUTES} roles={value?.roles} path={path} />
    </div>
  );
}
