// The fiscal year a page shows, kept in its address (`?year=2562`) so back, reload and a shared link open the
// same year; changing it replaces the address rather than adding a history step.
import { useState } from 'preact/hooks';

/** `?year=` of the current address when it is a Buddhist-era year, else undefined. */
export function yearInUrl(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('year');
  return raw !== null && /^25\d\d$/.test(raw) ? Number(raw) : undefined;
}

/** The address with `?year=` set (other query parameters kept). */
export function withYear(href: string, year: number): string {
  const url = new URL(href, 'http://x');
  url.searchParams.set('year', String(year));
  return `${url.pathname}${url.search}${url.hash}`;
}

export function useYearParam(): [number | undefined, (year: number) => void] {
  const [year, setYear] = useState(() => yearInUrl(location.search));
  const choose = (next: number) => {
    history.replaceState(history.state, '', withYear(location.pathname + location.search, next));
    setYear(next);
  };
  return [year, choose];
}
