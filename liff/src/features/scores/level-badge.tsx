// The level as a coloured badge: green when passed, amber close, red far; the Thai label always carries it.

export type LevelTone = 'good' | 'pass' | 'warn' | 'bad' | 'none';

/** AA–F (to FY2565) and the five Thai levels (from FY2566) mapped to four tones. */
export function levelTone(code: string | null | undefined): LevelTone {
  switch (code) {
    case 'AA':
    case 'ผ่านดีเยี่ยม':
      return 'good';
    case 'A':
    case 'ผ่านดี':
    case 'ผ่าน':
      return 'pass';
    case 'B':
    case 'C':
    case 'ต้องปรับปรุง':
      return 'warn';
    case undefined:
    case null:
      return 'none';
    default:
      return 'bad';
  }
}

export function LevelBadge({ level }: { level: { code: string; label: string } | null }) {
  if (level === null) return <span class="badge tone-none">ยังไม่มีระดับ</span>;
  return <span class={`badge tone-${levelTone(level.code)}`}>{level.label}</span>;
}
