// The Thai date helpers give Bangkok dates on a machine set to another time zone (America/New_York).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bangkokParts, fiscalYearOf, formatThaiDate } from '../../core/index.ts';

describe('Thai dates on a New York machine', () => {
  beforeAll(() => {
    vi.stubEnv('TZ', 'America/New_York');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('runs in New York time (so the tests below mean something)', () => {
    expect(new Date('2024-07-01T02:00:00Z').getDate()).toBe(30);
    expect(new Date('2024-07-01T02:00:00Z').getTimezoneOffset()).toBe(240);
  });

  it('formats an instant near midnight UTC with its Bangkok date', () => {
    const instant = new Date('2024-06-30T23:30:00Z');
    expect(instant.getDate()).toBe(30);
    expect(formatThaiDate(instant, 'short', { time: true })).toBe('1 ก.ค. 2567 06:30 น.');
    expect(bangkokParts(instant)).toMatchObject({ month: 7, day: 1, hour: 6, weekday: 1 });
  });

  it('puts 1 October in Bangkok in the new fiscal year while New York is still on 30 September', () => {
    const instant = new Date('2023-09-30T18:00:00Z');
    expect(instant.getMonth()).toBe(8);
    expect(fiscalYearOf(instant)).toBe(2567);
  });
});
