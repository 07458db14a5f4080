// Demo places: Pathum Thani with its provincial office, line agencies, districts and local governments, plus
// the two agencies of other provinces whose published results the seeds give (Phatthalung, Tak PAO).
import type { AgencyInput } from '../../../db/queries/agencies.ts';
import type { ProvinceInput } from '../../../db/queries/provinces.ts';

export const DEMO_PROVINCE_ID = 'pathum-thani';
export const PHATTHALUNG_PROVINCE_ID = 'phatthalung';
export const TAK_PROVINCE_ID = 'tak';

export const DEMO_PROVINCES: readonly ProvinceInput[] = [
  { id: DEMO_PROVINCE_ID, nameTh: 'ปทุมธานี', nameEn: 'Pathum Thani' },
  { id: PHATTHALUNG_PROVINCE_ID, nameTh: 'พัทลุง', nameEn: 'Phatthalung' },
  { id: TAK_PROVINCE_ID, nameTh: 'ตาก', nameEn: 'Tak' },
];

/** The provincial office: the coordinator's agency, and the one that carries seed 001's FY2562 result. */
export const PROVINCIAL_OFFICE_ID = 'pathum-thani-office';
export const PHATTHALUNG_OFFICE_ID = 'phatthalung-office';
export const TAK_PAO_ID = 'tak-pao';

/**
 * A demo agency with the head counts its survey targets come from: `staff` with at least one year of
 * service (IIT), `stakeholders` outside the agency it serves (EIT). Plausible sizes, not official figures.
 */
export interface DemoAgency extends AgencyInput {
  staff: number;
  stakeholders: number;
}

type Sizes = Pick<DemoAgency, 'staff' | 'stakeholders'>;

function pathumThani(
  id: string,
  nameTh: string,
  type: DemoAgency['type'],
  shortName: string | null,
  district: string | null,
  sizes: Sizes,
): DemoAgency {
  // District offices answer to the provincial office; ministries' offices and local governments do not.
  const parentId = type === 'district' ? PROVINCIAL_OFFICE_ID : null;
  // The NACC assesses the province as one unit made of its provincial line offices and district offices
  // (seed 002); local governments are assessed one by one. Contributing units get tasks, not scores.
  const assessedUnitId = type === 'line_agency' || type === 'district' ? PROVINCIAL_OFFICE_ID : null;
  return {
    id,
    provinceId: DEMO_PROVINCE_ID,
    nameTh,
    shortName,
    type,
    district,
    parentId,
    assessedUnitId,
    ...sizes,
  };
}

const s = (staff: number, stakeholders: number): Sizes => ({ staff, stakeholders });

const LINE_AGENCIES: readonly [string, string, string | null, Sizes][] = [
  ['pathum-thani-health', 'สำนักงานสาธารณสุขจังหวัดปทุมธานี', 'สสจ.ปทุมธานี', s(142, 6500)],
  ['pathum-thani-provincial-admin', 'ที่ทำการปกครองจังหวัดปทุมธานี', 'ปค.จ.ปทุมธานี', s(38, 1200)],
  ['pathum-thani-treasury', 'สำนักงานคลังจังหวัดปทุมธานี', 'คลังจังหวัดปทุมธานี', s(24, 450)],
  ['pathum-thani-agriculture', 'สำนักงานเกษตรจังหวัดปทุมธานี', 'เกษตรจังหวัดปทุมธานี', s(46, 2800)],
  [
    'pathum-thani-social-development',
    'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดปทุมธานี',
    'พมจ.ปทุมธานี',
    s(31, 1500),
  ],
  ['pathum-thani-local-admin', 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดปทุมธานี', 'สถจ.ปทุมธานี', s(29, 900)],
  ['pathum-thani-commerce', 'สำนักงานพาณิชย์จังหวัดปทุมธานี', 'พาณิชย์จังหวัดปทุมธานี', s(19, 700)],
  ['pathum-thani-labour', 'สำนักงานแรงงานจังหวัดปทุมธานี', 'แรงงานจังหวัดปทุมธานี', s(17, 1100)],
  ['pathum-thani-public-works', 'สำนักงานโยธาธิการและผังเมืองจังหวัดปทุมธานี', 'โยธาธิการจังหวัดปทุมธานี', s(36, 850)],
];

/** The seven อำเภอ of Pathum Thani, with the id slug of each district office. */
export const PATHUM_THANI_DISTRICTS: readonly [string, string, Sizes][] = [
  ['mueang-pathum-thani', 'เมืองปทุมธานี', s(64, 4200)],
  ['khlong-luang', 'คลองหลวง', s(58, 3900)],
  ['thanyaburi', 'ธัญบุรี', s(55, 3600)],
  ['nong-suea', 'หนองเสือ', s(33, 1400)],
  ['lat-lum-kaeo', 'ลาดหลุมแก้ว', s(35, 1600)],
  ['lam-luk-ka', 'ลำลูกกา', s(61, 4800)],
  ['sam-khok', 'สามโคก', s(30, 1300)],
];

const LOCAL_GOVERNMENTS: readonly [string, string, DemoAgency['type'], string, string | null, Sizes][] = [
  ['nakhon-rangsit', 'เทศบาลนครรังสิต', 'municipality', 'ทน.รังสิต', 'ธัญบุรี', s(612, 24000)],
  ['mueang-pathum-thani-town', 'เทศบาลเมืองปทุมธานี', 'municipality', 'ทม.ปทุมธานี', 'เมืองปทุมธานี', s(236, 5200)],
  ['khu-khot-town', 'เทศบาลเมืองคูคต', 'municipality', 'ทม.คูคต', 'ลำลูกกา', s(318, 9800)],
  ['tha-khlong-town', 'เทศบาลเมืองท่าโขลง', 'municipality', 'ทม.ท่าโขลง', 'คลองหลวง', s(247, 7400)],
  ['lat-sawai-town', 'เทศบาลเมืองลาดสวาย', 'municipality', 'ทม.ลาดสวาย', 'ลำลูกกา', s(205, 6100)],
  ['bueng-yitho-town', 'เทศบาลเมืองบึงยี่โถ', 'municipality', 'ทม.บึงยี่โถ', 'ธัญบุรี', s(198, 5600)],
  ['khlong-sam-sao', 'องค์การบริหารส่วนตำบลคลองสาม', 'sao', 'อบต.คลองสาม', 'คลองหลวง', s(96, 3100)],
  ['rahaeng-sao', 'องค์การบริหารส่วนตำบลระแหง', 'sao', 'อบต.ระแหง', 'ลาดหลุมแก้ว', s(57, 1450)],
  ['bueng-bon-sao', 'องค์การบริหารส่วนตำบลบึงบอน', 'sao', 'อบต.บึงบอน', 'หนองเสือ', s(42, 980)],
  ['bang-toei-sao', 'องค์การบริหารส่วนตำบลบางเตย', 'sao', 'อบต.บางเตย', 'สามโคก', s(38, 860)],
];

/** Every Pathum Thani agency of the demo: provincial office, line agencies, districts, PAO, municipalities, SAOs. */
export const PATHUM_THANI_AGENCIES: readonly DemoAgency[] = [
  pathumThani(PROVINCIAL_OFFICE_ID, 'จังหวัดปทุมธานี', 'provincial_office', 'สนจ.ปทุมธานี', null, s(72, 2600)),
  ...LINE_AGENCIES.map(([id, name, short, sizes]) =>
    pathumThani(id, name, 'line_agency', short, null, sizes),
  ),
  ...PATHUM_THANI_DISTRICTS.map(([slug, district, sizes]) =>
    pathumThani(
      `district-${slug}`,
      `ที่ว่าการอำเภอ${district}`,
      'district',
      `อำเภอ${district}`,
      district,
      sizes,
    ),
  ),
  pathumThani('pathum-thani-pao', 'องค์การบริหารส่วนจังหวัดปทุมธานี', 'pao', 'อบจ.ปทุมธานี', null, s(356, 15500)),
  ...LOCAL_GOVERNMENTS.map(([id, name, type, short, district, sizes]) =>
    pathumThani(id, name, type, short, district, sizes),
  ),
];

/** The agencies of the other provinces: only there to carry the seeds' published results. */
export const OTHER_PROVINCE_AGENCIES: readonly AgencyInput[] = [
  {
    id: PHATTHALUNG_OFFICE_ID,
    provinceId: PHATTHALUNG_PROVINCE_ID,
    nameTh: 'จังหวัดพัทลุง',
    shortName: 'สนจ.พัทลุง',
    type: 'provincial_office',
  },
  {
    id: TAK_PAO_ID,
    provinceId: TAK_PROVINCE_ID,
    nameTh: 'องค์การบริหารส่วนจังหวัดตาก',
    shortName: 'อบจ.ตาก',
    type: 'pao',
  },
];

/** Agencies a demo staff member works for: a line agency, a district office and a city, for variety. */
export const DEMO_STAFF_AGENCY_IDS: readonly string[] = [
  'pathum-thani-health',
  'district-khlong-luang',
  'nakhon-rangsit',
];
