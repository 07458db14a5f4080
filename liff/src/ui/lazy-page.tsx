// A page loaded on first visit (its own chunk), with a placeholder of the same height meanwhile.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Params } from '../lib/router.ts';
import { ErrorState, Loading } from './states.tsx';

export interface PageProps {
  params: Params;
  /** The page's data as its route's `prefetch` read it while signing in (the first page shown only). */
  first?: unknown;
}

/** A page component; lazy ones can start loading their chunk early (while signing in). */
export type Page = ComponentType<PageProps> & { preload?: () => void };

export function lazyPage(load: () => Promise<ComponentType<PageProps>>): Page {
  let loaded: ComponentType<PageProps> | undefined;
  let pending: Promise<ComponentType<PageProps>> | undefined;
  const start = () => {
    pending ??= load().then((component) => {
      loaded = component;
      return component;
    });
    return pending;
  };
  function LazyPage(props: PageProps) {
    const [Page, setPage] = useState(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Page !== undefined) return;
      start().then(
        (component) => setPage(() => component),
        () => {
          pending = undefined;
          setFailed(true);
        },
      );
    }, [Page]);
    if (failed) {
      return (
        <ErrorState
          message="โหลดหน้านี้ไม่สำเร็จ อาจเป็นเพราะอินเทอร์เน็ตขัดข้องหรือมีการปรับปรุงแอป"
          onRetry={() => location.reload()}
          retryLabel="โหลดหน้าใหม่"
        />
      );
    }
    return Page === undefined ? <Loading /> : <Page {...props} />;
  }
  return Object.assign(LazyPage, {
    preload: () => void start().catch(() => undefined),
  });
}
