// Survey progress for the mini-app: per agency and instrument (IIT, EIT) the minimum, reported respondents,
// per cent, pace forecast, tracked-link clicks, and the short link and QR image to share.
import { formatThaiDate } from '../../../core/index.ts';
import type { SurveyInstrument } from '../../../core/surveys/targets.ts';
import type { Db } from '../../../db/db.ts';
import type { Agency } from '../../../db/queries/agencies.ts';
import { listSurveyLinks } from '../../../db/queries/survey-links.ts';
import { listProvinceSurveyReports } from '../../../db/queries/survey-reports.ts';
import { isHttpsUrl, qrImageUrl, shortLinkUrl } from './links.ts';
import { describeStatus, loadAnswerWindow } from './status.ts';
import { loadTargetRules } from './target-rules.ts';

export const SURVEY_INSTRUMENTS: readonly SurveyInstrument[] = ['IIT', 'EIT'];

export interface SurveyRow {
  instrument: SurveyInstrument;
  /** The ITAS link; null until the coordinator enters it (IIT only for the agency's own staff and coordinators). */
  url: string | null;
  target: number | null;
  targetSource: 'auto' | 'manual' | null;
  reported: number | null;
  reportedAtLabel: string | null;
  /** Whole per cent of the minimum, capped at 100; overflow counts respondents above it. */
  percent: number | null;
  overflow: number;
  met: boolean;
  pace: { projected: number; percent: number | null; ratePerDay: number; dueLabel: string } | null;
  clicks: number;
  shortUrl: string | null;
  qrUrl: string | null;
  qrPreviewUrl: string | null;
}

export interface SurveyAgency {
  agencyId: string;
  name: string;
  shortName: string | null;
  instruments: SurveyRow[];
}

export interface SurveysView {
  year: number;
  /** The answer window's last day, per instrument (from the plan's survey activity). */
  dueLabels: Record<SurveyInstrument, string>;
  agencies: SurveyAgency[];
}

export async function buildSurveysView(
  db: Db,
  provinceId: string,
  year: number,
  agencies: readonly Agency[],
  baseUrl: string,
  now: Date,
): Promise<SurveysView> {
  const links = await listSurveyLinks(db, provinceId, year);
  const reports = await listProvinceSurveyReports(db, provinceId, year);
  const rules = await loadTargetRules(db);
  const windows = {
    IIT: await loadAnswerWindow(db, provinceId, year, 'IIT'),
    EIT: await loadAnswerWindow(db, provinceId, year, 'EIT'),
  };
  const rowOf = (agencyId: string, instrument: SurveyInstrument): SurveyRow => {
    const link = links.find((l) => l.agencyId === agencyId && l.instrument === instrument);
    const status = describeStatus({
      instrument,
      year,
      link,
      reports: reports.filter((r) => r.agencyId === agencyId && r.instrument === instrument),
      window: windows[instrument],
      rules,
      now,
    });
    const { progress, forecast } = status;
    return {
      instrument,
      url: isHttpsUrl(link?.url) ? (link?.url ?? null) : null,
      target: status.target ?? null,
      targetSource: link?.targetSource ?? null,
      reported: link?.reportedCount ?? null,
      reportedAtLabel: status.reportedAt === undefined ? null : formatThaiDate(status.reportedAt),
      percent: progress?.percent ?? null,
      overflow: progress?.overflow ?? 0,
      met: progress?.met ?? false,
      pace:
        forecast === undefined
          ? null
          : {
              projected: forecast.projected,
              percent: forecast.percent ?? null,
              ratePerDay: Math.round(forecast.ratePerDay * 10) / 10,
              dueLabel: formatThaiDate(forecast.dueDay),
            },
      clicks: link?.clicks ?? 0,
      shortUrl: link === undefined ? null : shortLinkUrl(baseUrl, link.code, 'line'),
      qrUrl: link === undefined ? null : qrImageUrl(baseUrl, link.code),
      qrPreviewUrl: link === undefined ? null : qrImageUrl(baseUrl, link.code, 'preview'),
    };
  };
  return {
    year,
    dueLabels: { IIT: formatThaiDate(windows.IIT.dueDay), EIT: formatThaiDate(windows.EIT.dueDay) },
    agencies: agencies.map((a) => ({
      agencyId: a.id,
      name: a.nameTh,
      shortName: a.shortName,
      instruments: SURVEY_INSTRUMENTS.map((instrument) => rowOf(a.id, instrument)),
    })),
  };
}
