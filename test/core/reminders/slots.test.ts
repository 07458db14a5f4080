// Which reminder is due at a given time: the latest slot only, inside working hours, keyed by the due date.
import { describe, expect, it } from 'vitest';
import {
  daysUntilDue,
  digestSlot,
  dueReminderSlots,
  reminderSchedule,
} from '../../../core/reminders/index.ts';
import { bkk, SETTINGS, show } from './helpers.ts';

const IIT = { id: 'iit', dueOn: '2024-07-01', startsOn: '2024-01-01', kind: 'survey_iit' };

function dueAt(at: string, activity = IIT, status: 'not_started' | 'in_progress' | 'done' = 'not_started') {
  return dueReminderSlots(activity, status, bkk(at), SETTINGS).map((s) => `${s.key} ${show(s.plannedFor)}`);
}

describe('dueReminderSlots', () => {
  it('gives the slot from its planned time on, and nothing before', () => {
    expect(dueAt('2024-06-24 08:29')).toEqual([]);
    expect(dueAt('2024-06-24 08:30')).toEqual(['d-7@2024-07-01 2024-06-24 08:30']);
  });

  it('gives only the latest slot reached when ticks were missed', () => {
    expect(dueAt('2024-06-25 09:00')).toEqual(['d-7@2024-07-01 2024-06-24 08:30']);
    expect(dueAt('2024-07-02 10:00')).toEqual(['due@2024-07-01 2024-07-01 08:30']);
  });

  it('gives nothing outside working hours, even when a slot is waiting', () => {
    expect(dueAt('2024-06-24 16:30')).toEqual([]);
    expect(dueAt('2024-06-29 10:00')).toEqual([]);
    expect(dueAt('2024-07-02 07:59')).toEqual([]);
  });

  it('gives nothing once the task is done, and the same for one in progress', () => {
    expect(dueAt('2024-07-03 09:00', IIT, 'done')).toEqual([]);
    expect(dueAt('2024-07-03 09:00', IIT, 'in_progress')).toEqual(['overdue-2@2024-07-01 2024-07-03 08:30']);
  });

  it('leaves out reminders from before the activity starts', () => {
    const late = { ...IIT, startsOn: '2024-06-27' };
    expect(dueAt('2024-06-26 10:00', late)).toEqual([]);
    expect(dueAt('2024-06-28 10:00', late)).toEqual(['d-3@2024-07-01 2024-06-28 08:30']);
  });

  it('makes new keys when the due date moves, so what was sent for the old date stays sent', () => {
    expect(dueAt('2024-06-28 10:00', { ...IIT, dueOn: '2024-07-02' })).toEqual([
      'd-7@2024-07-02 2024-06-25 08:30',
    ]);
    expect(dueAt('2024-06-28 10:00', { ...IIT, dueOn: '2024-07-01' })).toEqual([
      'd-3@2024-07-01 2024-06-28 08:30',
    ]);
  });

  it('ignores an activity whose due date is not a day', () => {
    expect(dueAt('2024-06-28 10:00', { ...IIT, dueOn: '2024-02-30' })).toEqual([]);
  });
});

describe('reminderSchedule', () => {
  it('lists every slot planned up to a time, superseded ones included', () => {
    const slots = reminderSchedule(IIT, bkk('2024-07-05 12:00'), SETTINGS);
    expect(slots.map((s) => `${s.key} ${s.phase} ${s.offset} ${s.day} ${show(s.plannedFor)}`)).toEqual([
      'd-7@2024-07-01 before 7 2024-06-24 2024-06-24 08:30',
      'd-3@2024-07-01 before 3 2024-06-28 2024-06-28 08:30',
      'd-1@2024-07-01 before 1 2024-06-30 2024-07-01 08:30',
      'due@2024-07-01 due 0 2024-07-01 2024-07-01 08:30',
      'overdue-2@2024-07-01 overdue 2 2024-07-03 2024-07-03 08:30',
      'overdue-4@2024-07-01 overdue 4 2024-07-05 2024-07-05 08:30',
    ]);
  });

  it('returns copies: changing one does not change the plan', () => {
    const [first] = reminderSchedule(IIT, bkk('2024-06-25 12:00'), SETTINGS);
    first?.plannedFor.setTime(0);
    expect(show(reminderSchedule(IIT, bkk('2024-06-25 12:00'), SETTINGS)[0]?.plannedFor ?? new Date(0))).toBe(
      '2024-06-24 08:30',
    );
  });
});

describe('digestSlot', () => {
  it('gives one digest key per working day, from the start of working hours', () => {
    expect(digestSlot(bkk('2024-07-02 08:29'), SETTINGS)).toBeUndefined();
    const slot = digestSlot(bkk('2024-07-02 13:00'), SETTINGS);
    expect(slot?.key).toBe('digest@2024-07-02');
    expect(show(slot?.plannedFor ?? new Date(0))).toBe('2024-07-02 08:30');
    expect(digestSlot(bkk('2024-07-06 10:00'), SETTINGS)).toBeUndefined();
    expect(digestSlot(bkk('2024-04-16 10:00'), SETTINGS)).toBeUndefined();
  });
});

describe('daysUntilDue', () => {
  it('counts Bangkok calendar days, whatever the UTC date', () => {
    expect(daysUntilDue('2024-07-01', new Date('2024-06-30T17:30:00Z'))).toBe(0);
    expect(daysUntilDue('2024-07-01', new Date('2024-06-30T16:30:00Z'))).toBe(1);
    expect(daysUntilDue('2024-07-01', bkk('2024-07-04 10:00'))).toBe(-3);
  });
});
