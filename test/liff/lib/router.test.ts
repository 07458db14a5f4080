// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { trendPath, trendPoints } from '../../../liff/src/features/scores/trend.ts';
import {
  appPathOf,
  currentPath,
  hrefOf,
  liffStatePath,
  liffStateTarget,
  matchPath,
} from '../../../liff/src/lib/router.ts';
import { withYear, yearInUrl } from '../../../liff/src/lib/use-year-param.ts';

describe('router', () => {
  it('reads the app path under /liff/', () => {
    expect(appPathOf('/liff/')).toBe('');
    expect(appPathOf('/liff')).toBe('');
    expect(appPathOf('/liff/agency/a1/')).toBe('agency/a1');
    expect(hrefOf('agency/a1')).toBe('/liff/agency/a1');
  });

  it('takes a LIFF deep link from liff.state before the path', () => {
    expect(liffStatePath('?liff.state=%2Fagency%2Fa1%3Fyear%3D2567')).toBe('agency/a1');
    expect(liffStatePath('?x=1')).toBeUndefined();
    // The deep link keeps its year on the way to the page.
    expect(liffStateTarget('?liff.state=%2Fagency%2Fa1%3Fyear%3D2567')).toBe('agency/a1?year=2567');
    expect(liffStateTarget('?liff.state=%2Fplan')).toBe('plan');
    expect(currentPath({ pathname: '/liff/', search: '?liff.state=%2Fplan' })).toBe('plan');
    expect(currentPath({ pathname: '/liff/surveys', search: '' })).toBe('surveys');
  });

  it('matches patterns with parameters and nothing longer or shorter', () => {
    expect(matchPath('agency/:id', 'agency/pt-01')).toEqual({ id: 'pt-01' });
    expect(matchPath('agency/:id', 'agency')).toBeUndefined();
    expect(matchPath('tools', 'tools/import')).toBeUndefined();
    expect(matchPath('', '')).toEqual({});
    expect(matchPath('cases/:id', 'cases/%E0%B8%81')).toEqual({ id: 'ก' });
  });
});

describe('the year in the address', () => {
  it('reads a Buddhist-era ?year= and nothing else', () => {
    expect(yearInUrl('?year=2562')).toBe(2562);
    expect(yearInUrl('?year=2019')).toBeUndefined();
    expect(yearInUrl('?year=25620')).toBeUndefined();
    expect(yearInUrl('')).toBeUndefined();
  });

  it('sets the year and keeps the rest of the address', () => {
    expect(withYear('/liff/agency/a1', 2563)).toBe('/liff/agency/a1?year=2563');
    expect(withYear('/liff/?year=2562&q=x', 2569)).toBe('/liff/?year=2569&q=x');
  });
});

describe('trend geometry', () => {
  it('spreads years across the width and puts higher totals higher', () => {
    const points = trendPoints(
      [
        { year: 2566, value: 80 },
        { year: 2567, value: 90 },
        { year: 2568, value: null },
      ],
      { width: 300, height: 120, padX: 20, padY: 20 },
    );
    expect(points.map((p) => p.x)).toEqual([20, 150, 280]);
    expect(points[1]?.y).toBeLessThan(points[0]?.y ?? 0);
    expect(points[0]?.y).toBeCloseTo(120 - 20 - 0.6 * 80);
    expect(trendPath(points)).toBe(`M20,${points[0]?.y}L150,${points[1]?.y}`);
  });
});
