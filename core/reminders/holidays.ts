// Thai public holidays of government offices (วันหยุดราชการ), FY2567 to 2027, as data: reminders skip them.
//
// Sources: the Secretariat of the Cabinet's yearly holiday announcements and special-holiday resolutions
// (resolution.soc.go.th), as collected and cross-checked with the Bank of Thailand's lists by the python-holidays
// project (github.com/vacanza/holidays, holidays/countries/thailand.py, 2026 revision); Buddhist holidays from the
// Thai lunar calendar of the Office of National Buddhism (onab.go.th). Labour Day is left out: it is a day off for
// the private and financial sectors, not for government offices. A substitute day (ชดเชย) follows a holiday that
// falls on a weekend. For 2027 the Royal Ploughing Ceremony day and any special holidays were not announced when
// this list was made: coordinators add such days with the `extraHolidays` setting.

export interface Holiday {
  /** 'YYYY-MM-DD', Christian era, a Bangkok day. */
  date: string;
  name: string;
}

const NEW_YEAR = 'วันขึ้นปีใหม่';
const NEW_YEARS_EVE = 'วันสิ้นปี';
const MAKHA = 'วันมาฆบูชา';
const CHAKRI = 'วันจักรี';
const SONGKRAN = 'วันสงกรานต์';
const CORONATION = 'วันฉัตรมงคล';
const PLOUGHING = 'วันพืชมงคล';
const VISAKHA = 'วันวิสาขบูชา';
const QUEEN = 'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี';
const ASARNHA = 'วันอาสาฬหบูชา';
const LENT = 'วันเข้าพรรษา';
const KING = 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว';
const MOTHER = 'วันแม่แห่งชาติ';
const RAMA_IX = 'วันนวมินทรมหาราช';
const RAMA_V = 'วันปิยมหาราช';
const FATHER = 'วันพ่อแห่งชาติ';
const CONSTITUTION = 'วันรัฐธรรมนูญ';
const SPECIAL = 'วันหยุดพิเศษ (มติคณะรัฐมนตรี)';

const day = (date: string, name: string): Holiday => ({ date, name });
const substitute = (date: string, name: string): Holiday => ({ date, name: `ชดเชย${name}` });

export const THAI_PUBLIC_HOLIDAYS: readonly Holiday[] = [
  // October–December 2023: the start of FY2567.
  day('2023-10-13', RAMA_IX),
  day('2023-10-23', RAMA_V),
  day('2023-12-05', FATHER),
  day('2023-12-10', CONSTITUTION),
  substitute('2023-12-11', CONSTITUTION),
  day('2023-12-29', SPECIAL),
  day('2023-12-31', NEW_YEARS_EVE), // no substitute day: 29 December was given instead
  // 2024 (B.E. 2567)
  day('2024-01-01', NEW_YEAR),
  day('2024-02-24', MAKHA),
  substitute('2024-02-26', MAKHA),
  day('2024-04-06', CHAKRI),
  substitute('2024-04-08', CHAKRI),
  day('2024-04-12', SPECIAL),
  day('2024-04-13', SONGKRAN),
  day('2024-04-14', SONGKRAN),
  day('2024-04-15', SONGKRAN),
  substitute('2024-04-16', SONGKRAN),
  day('2024-05-04', CORONATION),
  substitute('2024-05-06', CORONATION),
  day('2024-05-10', PLOUGHING),
  day('2024-05-22', VISAKHA),
  day('2024-06-03', QUEEN),
  day('2024-07-20', ASARNHA),
  day('2024-07-21', LENT),
  substitute('2024-07-22', ASARNHA),
  day('2024-07-28', KING),
  substitute('2024-07-29', KING),
  day('2024-08-12', MOTHER),
  day('2024-10-13', RAMA_IX),
  substitute('2024-10-14', RAMA_IX),
  day('2024-10-23', RAMA_V),
  day('2024-12-05', FATHER),
  day('2024-12-10', CONSTITUTION),
  day('2024-12-30', SPECIAL),
  day('2024-12-31', NEW_YEARS_EVE),
  // 2025 (B.E. 2568)
  day('2025-01-01', NEW_YEAR),
  day('2025-02-12', MAKHA),
  day('2025-04-06', CHAKRI),
  substitute('2025-04-07', CHAKRI),
  day('2025-04-13', SONGKRAN),
  day('2025-04-14', SONGKRAN),
  day('2025-04-15', SONGKRAN),
  substitute('2025-04-16', SONGKRAN),
  day('2025-05-04', CORONATION),
  substitute('2025-05-05', CORONATION),
  day('2025-05-09', PLOUGHING),
  day('2025-05-11', VISAKHA),
  substitute('2025-05-12', VISAKHA),
  day('2025-06-02', SPECIAL),
  day('2025-06-03', QUEEN),
  day('2025-07-10', ASARNHA),
  day('2025-07-11', LENT),
  day('2025-07-28', KING),
  day('2025-08-11', SPECIAL),
  day('2025-08-12', MOTHER),
  day('2025-10-13', RAMA_IX),
  day('2025-10-23', RAMA_V),
  day('2025-12-05', FATHER),
  day('2025-12-10', CONSTITUTION),
  day('2025-12-31', NEW_YEARS_EVE),
  // 2026 (B.E. 2569)
  day('2026-01-01', NEW_YEAR),
  day('2026-01-02', SPECIAL),
  day('2026-03-03', MAKHA),
  day('2026-04-06', CHAKRI),
  day('2026-04-13', SONGKRAN),
  day('2026-04-14', SONGKRAN),
  day('2026-04-15', SONGKRAN),
  day('2026-05-04', CORONATION),
  day('2026-05-13', PLOUGHING),
  day('2026-05-31', VISAKHA),
  substitute('2026-06-01', VISAKHA),
  day('2026-06-03', QUEEN),
  day('2026-07-28', KING),
  day('2026-07-29', ASARNHA),
  day('2026-07-30', LENT),
  day('2026-08-12', MOTHER),
  day('2026-10-13', RAMA_IX),
  day('2026-10-23', RAMA_V),
  day('2026-12-05', FATHER),
  substitute('2026-12-07', FATHER),
  day('2026-12-10', CONSTITUTION),
  day('2026-12-31', NEW_YEARS_EVE),
  // 2027 (B.E. 2570): fixed days and the lunar calendar; see the note at the top.
  day('2027-01-01', NEW_YEAR),
  day('2027-02-21', MAKHA),
  substitute('2027-02-22', MAKHA),
  day('2027-04-06', CHAKRI),
  day('2027-04-13', SONGKRAN),
  day('2027-04-14', SONGKRAN),
  day('2027-04-15', SONGKRAN),
  day('2027-05-04', CORONATION),
  day('2027-05-20', VISAKHA),
  day('2027-06-03', QUEEN),
  day('2027-07-18', ASARNHA),
  day('2027-07-19', LENT),
  substitute('2027-07-20', ASARNHA),
  day('2027-07-28', KING),
  day('2027-08-12', MOTHER),
  day('2027-10-13', RAMA_IX),
  day('2027-10-23', RAMA_V),
  substitute('2027-10-25', RAMA_V),
  day('2027-12-05', FATHER),
  substitute('2027-12-06', FATHER),
  day('2027-12-10', CONSTITUTION),
  day('2027-12-31', NEW_YEARS_EVE),
];

/** The built-in holidays as a set of days, for lookups. */
export const THAI_PUBLIC_HOLIDAY_DAYS: ReadonlySet<string> = new Set(THAI_PUBLIC_HOLIDAYS.map((h) => h.date));

/** The last Christian-era year the built-in list covers: from 60 days before it ends, coordinators are reminded. */
export const LAST_SHIPPED_HOLIDAY_YEAR = Math.max(
  ...THAI_PUBLIC_HOLIDAYS.map((h) => Number(h.date.slice(0, 4))),
);
