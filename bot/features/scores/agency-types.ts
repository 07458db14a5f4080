// Thai labels of agency types as the mini-app and announcements show them, in the order filters list them.
import type { AgencyType } from '../../../db/schema.ts';

const AGENCY_TYPE_LABELS: Readonly<Record<AgencyType, string>> = {
  provincial_office: 'สำนักงานจังหวัด',
  line_agency: 'ส่วนราชการ',
  district: 'ที่ว่าการอำเภอ',
  pao: 'อบจ.',
  municipality: 'เทศบาล',
  sao: 'อบต.',
  other: 'หน่วยงานอื่น',
};

/** Every type, in the filters' order (a tuple, so zod can make an enum of it). */
export const AGENCY_TYPES = [
  'provincial_office',
  'line_agency',
  'district',
  'pao',
  'municipality',
  'sao',
  'other',
] as const satisfies readonly AgencyType[];

export function agencyTypeLabel(type: AgencyType): string {
  return AGENCY_TYPE_LABELS[type];
}
