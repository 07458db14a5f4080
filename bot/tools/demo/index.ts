// The demo data of a first start: loadDemo and the fixed ids the simulator and the LIFF identity switcher use.

export { defaultActivityKey } from '../../features/plan/default-plan.ts';
export {
  DEMO_PROVINCE_ID,
  DEMO_STAFF_AGENCY_IDS,
  PATHUM_THANI_AGENCIES,
  PHATTHALUNG_OFFICE_ID,
  PROVINCIAL_OFFICE_ID,
  TAK_PAO_ID,
} from './agencies.ts';
export {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_OFFICER_ID,
  DEMO_OFFICERS_GROUP_ID,
  DEMO_STAFF_ID,
  demoGroupIdOf,
} from './line.ts';
export { loadDemo, loadDemoIfEmpty } from './load.ts';
export { scoreInputOf } from './score-sets.ts';
export type { DemoSummary, DemoTable } from './summary.ts';
