// Text of a report on the page: shown with the chosen digits, or a field to edit it in the edit step.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { oitCitationText } from '../../../../core/reports/citation.ts';
import type { MeasureResultsReport } from '../../../../core/reports/index.ts';
import { formatChange, formatScore } from '../../../../core/round.ts';
import { toThaiDigits } from '../../../../core/thai/digits.ts';

export interface ReportView {
  digits: 'thai' | 'arabic';
  editing: boolean;
}

export const ReportViewContext = createContext<ReportView>({ digits: 'arabic', editing: false });

/** The digit conversion of the current view. */
export function useDigits(): (text: string) => string {
  const { digits } = useContext(ReportViewContext);
  return digits === 'thai' ? (text) => toThaiDigits(text) : (text) => text;
}

export const scoreText = (value: number | undefined): string =>
  value === undefined ? '–' : formatScore(value);
export const changeText = (value: number | undefined): string =>
  value === undefined ? '–' : formatChange(value);

/** Plain text with the chosen digits; line breaks kept. */
export function Text({ value }: { value: string }) {
  const t = useDigits();
  return <span style={{ whiteSpace: 'pre-line' }}>{t(value)}</span>;
}

interface EditableProps {
  value: string;
  label: string;
  onChange(value: string): void;
  /** One line (an input) rather than a paragraph (a textarea). */
  short?: boolean;
}

/** The text as it will print; in the edit step a labelled field instead. */
export function Editable({ value, label, onChange, short = false }: EditableProps) {
  const { editing } = useContext(ReportViewContext);
  if (!editing) return <Text value={value} />;
  return short ? (
    <input type="text" value={value} aria-label={label} onInput={(e) => onChange(e.currentTarget.value)} />
  ) : (
    <textarea value={value} aria-label={label} onInput={(e) => onChange(e.currentTarget.value)} />
  );
}

/** Under a report's title, in both reports: the OIT item it answers, and a note when the year's framework is not the confirmed one. */
export function SourceNotes({
  report,
}: {
  report: Pick<MeasureResultsReport, 'oitItem' | 'frameworkNotice'>;
}) {
  return (
    <>
      {report.oitItem !== undefined && (
        <p class="muted">
          <Text value={oitCitationText(report.oitItem)} />
        </p>
      )}
      {report.frameworkNotice !== undefined && (
        <p class="muted" data-testid="framework-notice">
          <Text value={report.frameworkNotice} />
        </p>
      )}
    </>
  );
}
