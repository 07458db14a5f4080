// Reminder planning (DESIGN.md §5: "which reminders are due at time t"): working time, Thai holidays, slots.
export {
  addDays,
  bangkokDay,
  daysBetween,
  type IsoDay,
  instantOn,
  isIsoDay,
  parseClock,
  parseIsoDay,
  weekdayOf,
} from './days.ts';
export {
  type Holiday,
  LAST_SHIPPED_HOLIDAY_YEAR,
  THAI_PUBLIC_HOLIDAY_DAYS,
  THAI_PUBLIC_HOLIDAYS,
} from './holidays.ts';
export {
  type DigestSlot,
  daysUntilDue,
  digestSlot,
  dueReminderSlots,
  type ReminderActivity,
  type ReminderSettings,
  type ReminderSlot,
  type ReminderTaskStatus,
  reminderSchedule,
  slotsUntilDue,
} from './slots.ts';
export {
  addWorkingDays,
  DEFAULT_WORK_END,
  DEFAULT_WORK_START,
  isHoliday,
  isWorkingDay,
  isWorkingTime,
  nextWorkingDay,
  nextWorkingTime,
  type WorkingTimeSettings,
  workStartMinute,
} from './working-time.ts';
