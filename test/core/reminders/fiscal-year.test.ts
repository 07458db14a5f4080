// Reminder schedules walked through the whole of FY2567 (Oct 2023 – Sep 2024) with its Thai holidays, in Bangkok
// and on a machine set to New York time: exactly which reminders go out, and when.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bkk, walk } from './helpers.ts';

const IIT = { id: 'iit', dueOn: '2024-07-01', startsOn: '2024-01-01', kind: 'survey_iit' };

/** IIT answers due Monday 1 July 2024, never marked done: what a year of scheduler ticks sends. */
const IIT_SENT = [
  'd-7@2024-07-01 2024-06-24 08:30',
  'd-3@2024-07-01 2024-06-28 08:30',
  // d-1 falls on Sunday 30 June and moves to Monday 08:30, where the due-day reminder supersedes it.
  'due@2024-07-01 2024-07-01 08:30',
  ...[
    ['2', '07-03'],
    ['4', '07-05'],
    ['6', '07-09'],
    ['8', '07-11'],
    ['10', '07-15'],
    ['12', '07-17'],
    ['14', '07-19'],
    // 20–22 July: Asarnha Bucha, Buddhist Lent, the substitute day.
    ['16', '07-24'],
    ['18', '07-26'],
    // 29 July: substitute for the King's birthday.
    ['20', '07-31'],
    ['22', '08-02'],
    ['24', '08-06'],
    ['26', '08-08'],
    // 12 August: Mother's Day.
    ['28', '08-13'],
    ['30', '08-15'],
    ['32', '08-19'],
    ['34', '08-21'],
    ['36', '08-23'],
    ['38', '08-27'],
    ['40', '08-29'],
    ['42', '09-02'],
    ['44', '09-04'],
    ['46', '09-06'],
    ['48', '09-10'],
    ['50', '09-12'],
    ['52', '09-16'],
    ['54', '09-18'],
    ['56', '09-20'],
    ['58', '09-24'],
    ['60', '09-26'],
    ['62', '09-30'],
  ].map(([k, day]) => `overdue-${k}@2024-07-01 2024-${day} 08:30`),
];

describe('a year of reminders for one activity', () => {
  it('sends exactly these, minute by minute through FY2567', () => {
    expect(walk(IIT, { stepMinutes: 1 })).toEqual(IIT_SENT);
  });

  it('sends the same when the scheduler runs every 30 minutes', () => {
    expect(walk(IIT, { stepMinutes: 30 })).toEqual(IIT_SENT);
  });

  it('stops for good once the task is done', () => {
    const doneAt = bkk('2024-07-10 14:00');
    const sent = walk(IIT, { stepMinutes: 30, statusAt: (now) => (now >= doneAt ? 'done' : 'in_progress') });
    expect(sent).toEqual(IIT_SENT.slice(0, IIT_SENT.indexOf('overdue-6@2024-07-01 2024-07-09 08:30') + 1));
  });

  it('skips Songkran and the special holiday before it, and the Royal Ploughing day', () => {
    const oit = { id: 'oit', dueOn: '2024-04-17', startsOn: '2024-04-01', kind: 'oit' };
    const doneAt = bkk('2024-05-14 09:00');
    const sent = walk(oit, { stepMinutes: 30, statusAt: (now) => (now >= doneAt ? 'done' : 'not_started') });
    expect(sent).toEqual([
      'd-7@2024-04-17 2024-04-10 08:30',
      // d-3 (Sunday 14 April) and d-1 (16 April, a substitute day) both move to Wednesday 17 April.
      'due@2024-04-17 2024-04-17 08:30',
      'overdue-2@2024-04-17 2024-04-19 08:30',
      'overdue-4@2024-04-17 2024-04-23 08:30',
      'overdue-6@2024-04-17 2024-04-25 08:30',
      'overdue-8@2024-04-17 2024-04-29 08:30',
      'overdue-10@2024-04-17 2024-05-01 08:30', // Labour Day is a working day for government offices
      'overdue-12@2024-04-17 2024-05-03 08:30',
      'overdue-14@2024-04-17 2024-05-08 08:30', // 6 May: substitute for Coronation Day
      'overdue-16@2024-04-17 2024-05-13 08:30', // 10 May: Royal Ploughing Ceremony
    ]);
  });

  it('handles a Sunday deadline across the New Year long weekend', () => {
    const briefing = { id: 'brief', dueOn: '2023-12-31', startsOn: '2023-12-01', kind: 'general' };
    const doneAt = bkk('2024-01-09 10:00');
    const sent = walk(briefing, {
      stepMinutes: 30,
      statusAt: (now) => (now >= doneAt ? 'done' : 'not_started'),
    });
    expect(sent).toEqual([
      'd-7@2023-12-31 2023-12-25 08:30', // Sunday 24 December → Monday
      'd-3@2023-12-31 2023-12-28 08:30',
      // 29 December (special holiday) to 1 January: the next working time is Tuesday 2 January.
      'due@2023-12-31 2024-01-02 08:30',
      'overdue-2@2023-12-31 2024-01-04 08:30',
      'overdue-4@2023-12-31 2024-01-08 08:30',
    ]);
  });

  it('reschedules when the due date moves, and never resends the old slots', () => {
    const movedAt = bkk('2024-06-25 12:00');
    const doneAt = bkk('2024-07-16 09:00');
    const sent = walk(IIT, {
      stepMinutes: 30,
      activityAt: (now) => (now >= movedAt ? { ...IIT, dueOn: '2024-07-15' } : IIT),
      statusAt: (now) => (now >= doneAt ? 'done' : 'not_started'),
    });
    expect(sent).toEqual([
      'd-7@2024-07-01 2024-06-24 08:30',
      'd-7@2024-07-15 2024-07-08 08:30',
      'd-3@2024-07-15 2024-07-12 08:30',
      'due@2024-07-15 2024-07-15 08:30',
    ]);
  });

  it('follows configured hours, days and holidays', () => {
    const settings = {
      workStart: '09:00',
      workEnd: '15:00',
      extraHolidays: ['2024-06-24'],
      reminderDaysBefore: [14, 2],
      overdueEveryWorkingDays: 0,
    };
    const sent = walk(IIT, { stepMinutes: 15, settings, from: bkk('2024-06-01 00:00') });
    expect(sent).toEqual(['d-14@2024-07-01 2024-06-17 09:00', 'd-2@2024-07-01 2024-07-01 09:00']);
  });
});

describe('a year of reminders on a New York machine', () => {
  beforeAll(() => {
    vi.stubEnv('TZ', 'America/New_York');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('runs in New York time (so the test below means something)', () => {
    expect(new Date('2024-07-01T01:30:00Z').getDate()).toBe(30);
  });

  it('sends exactly the same reminders at the same Bangkok times', () => {
    expect(walk(IIT, { stepMinutes: 30 })).toEqual(IIT_SENT);
  });
});
