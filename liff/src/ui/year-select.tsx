// The fiscal-year picker of the score pages: shown only when there is more than one year to choose from.
export function YearSelect({
  year,
  years,
  onYear,
}: {
  year: number;
  years: readonly number[];
  onYear(year: number): void;
}) {
  if (years.length <= 1) return null;
  return (
    <label class="field">
      ปีงบประมาณ
      <select value={String(year)} onChange={(e) => onYear(Number(e.currentTarget.value))}>
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}
