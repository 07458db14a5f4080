// Respondents reported against the minimum: a share capped at 100 %, with anything above the minimum apart.

export interface SurveyProgress {
  reported: number;
  target: number;
  /** Whole per cent of the minimum reached, 0–100: rounded down, so 100 % means the minimum is really met. */
  percent: number;
  /** Respondents above the minimum (0 while below it): "ครบแล้ว เกินเป้า 12 คน". */
  overflow: number;
  met: boolean;
}

/** Progress of `reported` against a minimum of `target`; a minimum of 0 is met from the start. */
export function surveyProgress(reported: number, target: number): SurveyProgress {
  const count = Math.max(0, Math.floor(reported));
  const minimum = Math.max(0, Math.floor(target));
  const met = count >= minimum;
  const percent = minimum === 0 ? 100 : Math.min(100, Math.floor((count * 100) / minimum));
  return { reported: count, target: minimum, percent, overflow: met ? count - minimum : 0, met };
}
