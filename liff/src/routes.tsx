// The route table of the mini-app: path pattern (under /liff/), Thai title, page, who may open it, nav label.
// Other parts add their entries here (complaints, cases, reports); the bot links to these paths (liffUrlOf).
import { AgencyPage, loadScorecard } from './features/scores/agency-page.tsx';
import { loadProvince, ProvincePage } from './features/scores/province-page.tsx';
import type { Api } from './lib/api.ts';
import type { Params } from './lib/router.ts';
import type { Role } from './lib/session.ts';
import { yearInUrl } from './lib/use-year-param.ts';
import { lazyPage, type Page } from './ui/lazy-page.tsx';

export interface RouteDef {
  /** 'agency/:id' style; '' is the home page. */
  path: string;
  title: string;
  page: Page;
  /** Absent: everyone signed in. */
  roles?: readonly Role[];
  /** What the page is for, in a refusal: "ใช้…" (the route's title says what it is). */
  purpose?: string;
  /** Shown in the bottom navigation with this short label, in table order. */
  nav?: string;
  /** The page's data, read while the shell reads /api/me; the page gets it as `first` and shows it at once. */
  prefetch?: (api: Api, params: Params) => Promise<unknown>;
}

/** A page of the later pages' chunk (features/later-pages.ts), loaded on its first visit. */
const later = (name: keyof typeof import('./features/later-pages.ts')) =>
  lazyPage(() => import('./features/later-pages.ts').then((m) => m[name]));

const ITA: readonly Role[] = ['coordinator', 'staff'];
const COORDINATOR: readonly Role[] = ['coordinator'];

export const ROUTES: RouteDef[] = [
  // The home page and the score card are in the main chunk, imported as they are (no placeholder render while a
  // lazy page resolves): they are the first screen most links open.
  {
    path: '',
    title: 'คะแนน ITA ของจังหวัด',
    page: ProvincePage,
    nav: 'คะแนน',
    prefetch: (api) => loadProvince(api, yearInUrl(location.search)),
  },
  {
    path: 'agency/:id',
    title: 'ผลคะแนนหน่วยงาน',
    page: AgencyPage,
    prefetch: (api, p) => loadScorecard(api, p.id ?? '', yearInUrl(location.search)),
  },
  {
    path: 'plan',
    purpose: 'ใช้ดูกำหนดการและบันทึกงานที่เสร็จแล้ว',
    title: 'แผนการดำเนินงาน ITA',
    page: later('PlanPage'),
    roles: ITA,
    nav: 'แผนงาน',
  },
  {
    path: 'surveys',
    purpose: 'ใช้ดูจำนวนผู้ตอบแบบสำรวจ IIT และ EIT เทียบเป้า',
    title: 'ความคืบหน้าแบบสำรวจ',
    page: later('SurveysPage'),
    roles: ITA,
    nav: 'แบบสำรวจ',
  },
  // Complaints (issue 5/7): 'complaints/new', 'complaints/mine', 'complaints/track', 'cases', 'cases/:id'.
  {
    path: 'complaints',
    title: 'ร้องเรียน',
    page: later('ComplaintHomePage'),
    nav: 'ร้องเรียน',
  },
  {
    path: 'complaints/new',
    title: 'แจ้งเรื่องร้องเรียน',
    page: later('ComplaintNewPage'),
  },
  {
    path: 'complaints/mine',
    title: 'เรื่องร้องเรียนของฉัน',
    page: later('ComplaintMinePage'),
  },
  {
    path: 'complaints/track',
    title: 'ติดตามเรื่องร้องเรียน',
    page: later('ComplaintTrackPage'),
  },
  {
    path: 'cases',
    purpose: 'ใช้รับและดำเนินการเรื่องร้องเรียนของหน่วยงาน',
    title: 'เรื่องร้องเรียนที่รับผิดชอบ',
    page: later('CaseQueuePage'),
    roles: ['officer'],
    nav: 'รับเรื่อง',
  },
  {
    path: 'cases/stats',
    purpose: 'ใช้ดูสถิติเรื่องร้องเรียนสำหรับรายงาน OIT',
    title: 'สถิติเรื่องร้องเรียน',
    page: later('CaseStatsPage'),
    roles: ['officer', 'coordinator'],
  },
  {
    path: 'cases/:id',
    purpose: 'ใช้ดำเนินการเรื่องร้องเรียนของหน่วยงาน',
    title: 'รายละเอียดเรื่องร้องเรียน',
    page: later('CaseDetailPage'),
    roles: ['officer'],
  },
  // Reports (issue 6): the OIT analysis and measure-results reports of an agency, optionally for a given year.
  ...(['reports/analysis/:agencyId', 'reports/analysis/:agencyId/:year'] as const).map((path) => ({
    path,
    title: 'รายงานการวิเคราะห์ผลการประเมิน ITA',
    page: later('AnalysisReportPage'),
    roles: ITA,
    purpose: 'ใช้จัดทำรายงานการวิเคราะห์ผลสำหรับเผยแพร่ใน OIT',
  })),
  ...(['reports/measures/:agencyId', 'reports/measures/:agencyId/:year'] as const).map((path) => ({
    path,
    title: 'รายงานผลการดำเนินการตามมาตรการ',
    page: later('MeasuresReportPage'),
    roles: ITA,
    purpose: 'ใช้จัดทำรายงานผลตามมาตรการสำหรับเผยแพร่ใน OIT',
  })),
  {
    path: 'tools',
    purpose: 'ใช้ตั้งค่าและนำเข้าข้อมูลของทั้งจังหวัด',
    title: 'เครื่องมือผู้ประสานงาน',
    page: later('ToolsPage'),
    roles: COORDINATOR,
    nav: 'เครื่องมือ',
  },
  {
    path: 'tools/import',
    purpose: 'ใช้นำเข้าผลคะแนนของหน่วยงานในจังหวัด',
    title: 'นำเข้าผลคะแนน',
    page: later('ImportPage'),
    roles: COORDINATOR,
  },
  {
    path: 'tools/links',
    purpose: 'ใช้ตั้งลิงก์และเป้าหมายแบบสำรวจของหน่วยงาน',
    title: 'ลิงก์และเป้าหมายแบบสำรวจ',
    page: later('LinksPage'),
    roles: COORDINATOR,
  },
  {
    path: 'tools/plan',
    purpose: 'ใช้แก้ไขกำหนดการของทั้งจังหวัด',
    title: 'แก้ไขแผนการดำเนินงาน',
    page: later('PlanEditPage'),
    roles: COORDINATOR,
  },
  {
    path: 'tools/quota',
    purpose: 'ใช้ดูโควตาข้อความ LINE ของจังหวัดและสั่งส่งต่อเมื่อการส่งถูกระงับ',
    title: 'โควตาข้อความ LINE',
    page: later('QuotaPage'),
    roles: COORDINATOR,
  },
  {
    path: 'tools/agencies',
    purpose: 'ใช้นำเข้ารายชื่อหน่วยงานของจังหวัด',
    title: 'รายชื่อหน่วยงานของจังหวัด',
    page: later('AgenciesImportPage'),
    roles: COORDINATOR,
  },
  {
    path: 'tools/frameworks',
    title: 'กรอบการประเมินของแต่ละปี',
    page: later('FrameworksPage'),
    roles: COORDINATOR,
  },
  {
    path: 'tools/settings',
    purpose: 'ใช้ตั้งค่าเวลาทำการ การแจ้งเตือน และวันหยุดของจังหวัด',
    title: 'การตั้งค่าและวันหยุด',
    page: later('SettingsPage'),
    roles: COORDINATOR,
  },
  {
    path: 'tools/broadcast',
    purpose: 'ใช้ส่งประกาศถึงกลุ่ม LINE ของหน่วยงาน',
    title: 'ส่งประกาศถึงกลุ่มหน่วยงาน',
    page: later('BroadcastPage'),
    roles: COORDINATOR,
  },
];
