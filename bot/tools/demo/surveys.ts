// Demo IIT/EIT links for the current year: ITAS-shaped links, our short codes, targets from head counts,
// and a few respondent counts reported over the last weeks, at each agency's own pace.

import { DEFAULT_TARGET_RULES, minimumRespondents } from '../../../core/surveys/targets.ts';
import type { SurveyLinkInput } from '../../../db/queries/survey-links.ts';
import type { SurveyInstrument } from '../../../db/schema.ts';
import type { DemoAgency } from './agencies.ts';
import { codeOf, rngFor } from './random.ts';

/** ITAS hands out one anonymous link per agency and instrument (ita-framework.md "Respondents and links"). */
export const ITAS_BASE_URL = 'https://itas.nacc.go.th/go';
export const SURVEY_INSTRUMENTS: readonly SurveyInstrument[] = ['IIT', 'EIT'];

/** The agency's ITAS link: `/go/iit/<code>` or `/go/eit/<code>` with a random-looking 6-character code. */
export function itasUrlOf(agencyId: string, year: number, instrument: SurveyInstrument): string {
  const kind = instrument.toLowerCase();
  return `${ITAS_BASE_URL}/${kind}/${codeOf(`itas:${agencyId}:${year}:${kind}`, 6)}`;
}

/** Our short code for `/s/{code}`; `attempt` draws another when a code is already taken. */
export function shortCodeOf(
  agencyId: string,
  year: number,
  instrument: SurveyInstrument,
  attempt = 0,
): string {
  return codeOf(`short:${agencyId}:${year}:${instrument}:${attempt}`, 6);
}

/** Both links of every agency, with short codes unique across the list. */
export function demoSurveyLinks(
  agencies: readonly DemoAgency[],
  year: number,
  by: string | null,
): SurveyLinkInput[] {
  const used = new Set<string>();
  return agencies.flatMap((agency) =>
    SURVEY_INSTRUMENTS.map((instrument): SurveyLinkInput => {
      let attempt = 0;
      while (used.has(shortCodeOf(agency.id, year, instrument, attempt))) attempt++;
      const code = shortCodeOf(agency.id, year, instrument, attempt);
      used.add(code);
      const population = instrument === 'IIT' ? agency.staff : agency.stakeholders;
      return {
        agencyId: agency.id,
        year,
        instrument,
        code,
        url: itasUrlOf(agency.id, year, instrument),
        population,
        target: minimumRespondents(population, DEFAULT_TARGET_RULES[instrument]),
        targetSource: 'auto',
        updatedBy: by,
      };
    }),
  );
}

/** One count as reported in chat (`รายงาน IIT 45`), with the instant it was reported. */
export interface DemoReport {
  agencyId: string;
  instrument: SurveyInstrument;
  count: number;
  at: Date;
}

const DAY_MS = 86_400_000;
/** Reports spread over the last weeks before `now`: three per link, growing. */
const REPORTS_PER_LINK = 3;
const REPORT_SPAN_DAYS = 28;
/**
 * Share of the answer window shown as elapsed before it has opened (or just after): the demo shows progress on
 * any day of the year, so the views and nudges have something to work with from the first start.
 */
const PREVIEW_SHARE = 0.3;

/**
 * Counts for about three agencies in four: target × pace × elapsed share of the answer window (pace 0.4–1.4,
 * so some agencies are behind and a few over their target), reported three times up to `now`.
 */
export function demoReports(
  links: readonly SurveyLinkInput[],
  window: { opens: Date; closes: Date },
  now: Date,
): DemoReport[] {
  const span = window.closes.getTime() - window.opens.getTime();
  const elapsed = Math.min(
    1,
    Math.max(PREVIEW_SHARE, (now.getTime() - window.opens.getTime()) / Math.max(span, DAY_MS)),
  );
  const from = Math.max(window.opens.getTime(), now.getTime() - REPORT_SPAN_DAYS * DAY_MS);
  const first = from < now.getTime() ? from : now.getTime() - REPORT_SPAN_DAYS * DAY_MS;
  return links.flatMap((link) => {
    const rng = rngFor(`reports:${link.agencyId}:${link.year}:${link.instrument}`);
    if (rng.next() >= 0.75 || !link.target) return [];
    const final = Math.round(link.target * Math.min(1.3, rng.between(0.4, 1.4) * elapsed));
    return Array.from({ length: REPORTS_PER_LINK }, (_, k) => {
      const share = (k + 1) / REPORTS_PER_LINK;
      const at = new Date(first + (now.getTime() - first) * share);
      return { agencyId: link.agencyId, instrument: link.instrument, count: Math.round(final * share), at };
    });
  });
}
