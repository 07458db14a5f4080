// The shell: sign in (LIFF, or a demo token in local mode), read /api/me, then the page for the path with a header
// and nav. On a phone every round trip before the first screen costs ~150 ms+, so sign-in is one fetch after
// the preloaded config, the page's data is read alongside /api/me and handed to the page (no second request, no
// loading render between), and liff-mock loads only after the first screen.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type Api, ApiError, createApi, ok } from './lib/api.ts';
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

/** The first page's data, read while signing in; the page shows it at once instead of asking again. */
interface FirstPage {
  path: string;
  data: unknown;
}

interface Booted {
  signedIn: SessionValue;
  first?: FirstPage;
}

type Boot = Loaded<Booted> | { status: 'redirecting'; data?: undefined; error?: undefined };

/**
 * The current page's data through its route's `prefetch`, or undefined: a page whose data fails loads it again
 * itself and shows that error in its own place.
 */
async function loadFirstPage(api: Api): Promise<FirstPage | undefined> {
  const path = currentPath(location);
  const now = findRoute(path);
  if (now?.route.prefetch === undefined) return undefined;
  try {
    return { path, data: await now.route.prefetch(api, now.params) };
  } catch {
    return undefined;
  }
}

/** Signs in, then reads who the person is and the current page's data side by side. */
async function boot(): Promise<Boot> {
  const config = await fetchLiffConfig();
  const outcome = await signIn(config);
  if (outcome.kind === 'redirecting') return { status: 'redirecting' };
  if (outcome.kind === 'failed') throw new Error(outcome.message);
  // A LIFF deep link arrived as ?liff.state=/agency/x: show it at its own address from now on.
  const deepLink = liffStateTarget(location.search);
  if (deepLink !== undefined) navigate(deepLink, { replace: true });
  const session: Session = outcome.session;
  const api = createApi(session.idToken);
  const [me, first] = await Promise.all([ok(api.me.$get()), loadFirstPage(api)]);
  const signedIn = { api, me, session, roles: rolesOf(me), demoUsers: outcome.demoUsers };
  return { status: 'ok', data: first === undefined ? { signedIn } : { signedIn, first } };
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

/** The first sign-in, started by startBoot() before the first render; the shell's first round takes it. */
let firstBoot: Promise<Boot> | undefined;

/**
 * Starts signing in before the first render: the shell's effects run only after the first layout and paint, which
 * on a slow phone (Thai text's first layout above all) hold the sign-in and the page's data back by ~100–300 ms.
 */
export function startBoot(): void {
  firstBoot ??= boot();
  // A failure is read (and shown) by the shell; this copy only keeps it from being reported as unhandled.
  firstBoot.catch(() => undefined);
}

function takeBoot(): Promise<Boot> {
  const started = firstBoot;
  firstBoot = undefined;
  return started ?? boot();
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
        const session = booted.data?.signedIn.session;
        if (session?.mock !== true) return;
        // Local mode: liff-mock in the session once loaded (the share button asks it about the target picker).
        whenIdle(() =>
          startMock(session).then(
            (liff) =>
              setState((now) => {
                if (!current || now.status !== 'ok' || now.data.signedIn.session !== session) return now;
                const signedIn = { ...now.data.signedIn, session: { ...session, liff } };
                return { status: 'ok', data: { ...now.data, signedIn } };
              }),
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

  // The first page's data is for its first showing only: once the person has moved on, a later visit loads anew.
  useEffect(() => {
    setState((now) =>
      now.status === 'ok' && now.data.first !== undefined && now.data.first.path !== path
        ? { status: 'ok', data: { signedIn: now.data.signedIn } }
        : now,
    );
  }, [path]);

  // The page's own chunk downloads while signing in rather than after it.
  useEffect(() => found?.route.page.preload?.(), [found]);

  useEffect(() => {
    const name = appNameOf(state.data?.signedIn.me.provinceName);
    document.title = found === undefined ? name : `${found.route.title} · ${name}`;
  }, [found, state.data]);

  const switchTo = (userId: string) => {
    rememberDemoUser(userId);
    navigate('');
    setRound((r) => r + 1);
  };

  const value = state.data?.signedIn;
  const first = state.data?.first;
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
        ) : !mayOpen(state.data.signedIn.roles, found.route.roles) ? (
          <Refusal route={found.route} />
        ) : (
          <SessionContext.Provider value={state.data.signedIn}>
            <found.route.page
              key={path}
              params={found.params}
              first={first?.path === path ? first.data : undefined}
            />
          </SessionContext.Provider>
        )}
      </main>
      <Nav routes={ROUTES} roles={value?.roles} path={path} />
    </div>
  );
}
