// Every page after the first screen, as one module: routes.tsx loads it with one dynamic import, so the later
// pages' chunk is that module itself — no namespace object per page, no import() per route in the entry chunk.
export { CaseDetailPage } from './cases/detail-page.tsx';
export { CaseQueuePage } from './cases/queue-page.tsx';
export { CaseStatsPage } from './cases/stats-page.tsx';
export { ComplaintHomePage } from './complaints/home-page.tsx';
export { ComplaintMinePage } from './complaints/mine-page.tsx';
export { ComplaintNewPage } from './complaints/new-page.tsx';
export { ComplaintTrackPage } from './complaints/track-page.tsx';
export { FrameworksPage } from './frameworks/frameworks-page.tsx';
export { PlanPage } from './plan/plan-page.tsx';
export { QuotaPage } from './quota/page.tsx';
export { AnalysisReportPage, MeasuresReportPage } from './reports/report-page.tsx';
export { SurveysPage } from './surveys/surveys-page.tsx';
export { AgenciesImportPage } from './tools/agencies.tsx';
export { BroadcastPage } from './tools/broadcast-page.tsx';
export { ImportPage } from './tools/import-page.tsx';
export { LinksPage } from './tools/links-page.tsx';
export { PlanEditPage } from './tools/plan-edit-page.tsx';
export { SettingsPage } from './tools/settings.tsx';
export { ToolsPage } from './tools/tools-page.tsx';
