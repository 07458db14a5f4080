// Measure templates under the seven analysis topics, drawn from the measures real agencies published (seeds 001–003).
import type { IndicatorId, TopicId } from '../types.ts';

/** Months of the fiscal year a measure runs, 1 = October … 12 = September. */
export interface MeasurePeriod {
  startMonth: number;
  endMonth: number;
}

export interface MeasureTemplate {
  /** Stable key: plan items made from a template carry it, so picking the same one twice adds nothing. */
  id: string;
  topic: TopicId;
  /** Thai, as it goes in the report's "มาตรการ/กิจกรรม" column. */
  title: string;
  steps: readonly string[];
  /** Who usually does it, in words every agency type recognises; staff replace it with their unit. */
  ownerRole: string;
  period: MeasurePeriod;
  /** Indicators whose weak items this measure answers; a topic's measures are ranked by them. */
  indicators: readonly IndicatorId[];
  /** True for the measures seed 003 uses to keep a standard already reached. */
  keepsStandard: boolean;
  source: string;
}

export const WHOLE_YEAR: MeasurePeriod = { startMonth: 1, endMonth: 12 };
const FIRST_HALF: MeasurePeriod = { startMonth: 1, endMonth: 6 };

/** The templates, in the order of the seven topics; within a topic, the usual first pick first. */
export const MEASURE_TEMPLATES: readonly MeasureTemplate[] = [
  {
    id: 'service-manual',
    topic: 1,
    title: 'จัดทำคู่มือหรือมาตรฐานการปฏิบัติงานและการให้บริการ',
    steps: [
      'จัดทำหรือปรับปรุงคู่มือการปฏิบัติงานและคู่มือบริการประชาชน โดยแสดงขั้นตอนและระยะเวลาให้ครบถ้วนและเป็นปัจจุบัน',
      'จัดทำแผนผังขั้นตอนการให้บริการ ติดตั้งในจุดที่ประชาชนเห็นได้ชัดเจน และในรูปแบบ QR Code',
      'เผยแพร่คู่มือให้ผู้มารับบริการและผู้มาติดต่อราชการทราบ',
    ],
    ownerRole: 'ทุกส่วนราชการที่ให้บริการประชาชน',
    period: FIRST_HALF,
    indicators: [1, 6],
    keepsStandard: false,
    source: 'seed 001 §6 (คู่มือหรือมาตรฐานการปฏิบัติงาน/การให้บริการ); seed 002 topic 1',
  },
  {
    id: 'transparent-operations',
    topic: 1,
    title: 'ปรับปรุงการดำเนินงานและการให้บริการให้มีความโปร่งใสมากขึ้น',
    steps: [
      'เผยแพร่ข้อมูลที่สำคัญในช่องทางออนไลน์ต่าง ๆ เพื่อให้บุคคลภายนอกตรวจสอบได้',
      'ปฏิบัติงานตามคู่มือการปฏิบัติงาน และรายงานผลการดำเนินงานเผยแพร่บนเว็บไซต์ของหน่วยงาน',
    ],
    ownerRole: 'ทุกส่วนราชการ',
    period: FIRST_HALF,
    indicators: [6, 8],
    keepsStandard: false,
    source: 'seed 002 topic 1 and 7 (e15)',
  },
  {
    id: 'plan-monitoring',
    topic: 1,
    title: 'ตรวจติดตามและประเมินผลการปฏิบัติงานโครงการตามแผนดำเนินงานประจำปี',
    steps: [
      'จัดตั้งคณะทำงานตรวจติดตามและประเมินผลการปฏิบัติงานตามแผนดำเนินงานประจำปี',
      'ประชุมตรวจติดตามและประเมินผลในรอบ 6 เดือนแรกของปีงบประมาณ และเผยแพร่รายงานผล',
    ],
    ownerRole: 'งานติดตามและประเมินผล (ยุทธศาสตร์และงบประมาณ)',
    period: FIRST_HALF,
    indicators: [9],
    keepsStandard: true,
    source: 'seed 003 topic 1 (o8, o9)',
  },
  {
    id: 'reduce-service-steps',
    topic: 2,
    title: 'มาตรการลดขั้นตอนในการให้บริการ',
    steps: [
      'จัดให้มีการให้บริการ ณ จุดเดียว (one stop service)',
      'กำหนดช่องทางรับฟังความคิดเห็นเพื่อให้ประชาชนเสนอแนะการปฏิบัติงานของเจ้าหน้าที่ทางเว็บไซต์',
      'จัดกล่องรับฟังความคิดเห็นและช่องทางเสนอแนะการให้บริการ ณ จุดให้บริการ',
    ],
    ownerRole: 'ทุกส่วนราชการที่ให้บริการประชาชน',
    period: WHOLE_YEAR,
    indicators: [8, 6],
    keepsStandard: false,
    source: 'seed 001 §6 (มาตรการลดขั้นตอนในการให้บริการ)',
  },
  {
    id: 'e-service',
    topic: 2,
    title: 'พัฒนาการให้บริการผ่านระบบ E-Service',
    steps: [
      'จัดให้มีหรือปรับปรุงช่องทางการให้บริการ E-Service บนเว็บไซต์ของหน่วยงาน',
      'ประชาสัมพันธ์ช่องทาง E-Service ให้ผู้รับบริการทราบและรองรับภารกิจการบริการประชาชนได้มากขึ้น',
    ],
    ownerRole: 'งานประชาสัมพันธ์และเทคโนโลยีสารสนเทศ',
    period: WHOLE_YEAR,
    indicators: [8, 9],
    keepsStandard: true,
    source: 'seed 001 §6 (การให้บริการ E-service); seed 003 topic 2 (o13)',
  },
  {
    id: 'public-participation',
    topic: 2,
    title: 'มาตรการกลไกให้ภาคประชาชนหรือผู้มีส่วนได้ส่วนเสียเข้ามามีส่วนร่วมในการดำเนินงาน',
    steps: [
      'จัดประชุมคณะกรรมการที่มีตัวแทนภาคประชาชนหรือภาคเอกชนอย่างสม่ำเสมอ',
      'ประชาสัมพันธ์ช่องทางการรับฟังความคิดเห็นผ่านช่องทางออนไลน์ให้ทั่วถึง',
    ],
    ownerRole: 'ทุกส่วนราชการ',
    period: FIRST_HALF,
    indicators: [8],
    keepsStandard: false,
    source: 'seed 001 §6 (มาตรการกลไกการมีส่วนร่วม); seed 002 topic 2 (e14)',
  },
  {
    id: 'publish-information',
    topic: 3,
    title: 'มาตรการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์และช่องทางออนไลน์ของหน่วยงาน',
    steps: [
      'เปิดเผยข้อมูลตามพระราชบัญญัติข้อมูลข่าวสารของราชการ และรายงานผลเป็นประจำทุกเดือน',
      'กำหนดขั้นตอน วิธีการ และเจ้าหน้าที่ผู้รับผิดชอบการเผยแพร่ข้อมูลต่อสาธารณะทางเว็บไซต์',
      'เผยแพร่ข้อมูลข่าวสารผ่านช่องทางที่หลากหลาย เช่น Facebook และ LINE และปรับปรุงข้อมูลพื้นฐานให้เป็นปัจจุบัน',
    ],
    ownerRole: 'งานประชาสัมพันธ์',
    period: WHOLE_YEAR,
    indicators: [7, 9],
    keepsStandard: false,
    source: 'seed 001 §6 (มาตรการในการเผยแพร่ข้อมูลต่อสาธารณะ); seed 002 topic 3 (e6, e7)',
  },
  {
    id: 'two-way-channel',
    topic: 3,
    title: 'ส่งเสริมช่องทางถาม-ตอบและการสื่อสารสองทางกับประชาชน',
    steps: [
      'จัดให้มีกล่องข้อความถาม-ตอบที่หน้าเว็บไซต์และบนสื่อสังคมออนไลน์ของหน่วยงาน',
      'มอบหมายเจ้าหน้าที่ตอบคำถามและรับฟังปัญหาข้อร้องเรียนบนช่องทางดังกล่าวเป็นประจำ',
    ],
    ownerRole: 'งานประชาสัมพันธ์',
    period: FIRST_HALF,
    indicators: [7],
    keepsStandard: true,
    source: 'seed 001 §6 (ช่องทางสอบถามข้อมูล); seed 003 topic 3 (o4–o6)',
  },
  {
    id: 'property-borrowing-guideline',
    topic: 4,
    title: 'แนวทางปฏิบัติเกี่ยวกับการขอยืมและการใช้ทรัพย์สินของราชการ',
    steps: [
      'จัดทำแนวทางปฏิบัติและขั้นตอนการขออนุญาตยืมทรัพย์สินของราชการให้ชัดเจน พร้อมระยะเวลาของแต่ละขั้นตอน',
      'แจ้งเวียนให้บุคลากรทุกคนถือปฏิบัติ และเผยแพร่ทางเว็บไซต์ของหน่วยงาน',
      'จัดทำสมุดบันทึกการยืมทรัพย์สิน และกำหนดบทลงโทษกรณีชำรุด สูญหาย หรือไม่คืนตามกำหนด',
    ],
    ownerRole: 'งานพัสดุและทรัพย์สิน',
    period: FIRST_HALF,
    indicators: [4],
    keepsStandard: false,
    source: 'seed 001 §6 (แนวทางปฏิบัติเกี่ยวกับการขอยืมทรัพย์สินของราชการ); seed 002 topic 4 (i19, i20)',
  },
  {
    id: 'property-control',
    topic: 4,
    title: 'ควบคุมการใช้ทรัพย์สินของทางราชการให้ถูกต้องและมีประสิทธิภาพ',
    steps: [
      'ตรวจสอบการขออนุญาตทุกครั้งที่ใช้ทรัพย์สินของราชการ ให้เป็นไปตามระเบียบ',
      'เฝ้าระวังไม่ให้นำทรัพย์สินของราชการไปใช้เพื่อประโยชน์ส่วนตัว',
      'สรุปผลการใช้ทรัพย์สินของราชการทุก 3 เดือน',
    ],
    ownerRole: 'งานบริหารทั่วไป',
    period: WHOLE_YEAR,
    indicators: [4],
    keepsStandard: true,
    source: 'seed 003 topic 4 (i10–i12)',
  },
  {
    id: 'budget-awareness',
    topic: 5,
    title: 'สร้างการรับรู้แผนการใช้จ่ายงบประมาณประจำปีและเปิดให้บุคลากรมีส่วนร่วมตรวจสอบ',
    steps: [
      'แจ้งแผนและผลการใช้จ่ายงบประมาณรายไตรมาสในการประชุมประจำเดือนของหน่วยงาน',
      'เผยแพร่ข้อมูลงบประมาณทางกลุ่ม LINE และช่องทางออนไลน์ของหน่วยงาน',
    ],
    ownerRole: 'งานการเงินและงบประมาณ',
    period: WHOLE_YEAR,
    indicators: [2],
    keepsStandard: false,
    source: 'seed 002 topic 5 (i7, i8) and §2',
  },
  {
    id: 'conflict-of-interest',
    topic: 5,
    title: 'แนวทางการป้องกันผลประโยชน์ทับซ้อนในการจัดซื้อจัดจ้าง',
    steps: [
      'กำหนดนโยบายและแนวทางการป้องกันผลประโยชน์ทับซ้อน และแจ้งเวียนให้บุคลากรถือปฏิบัติโดยเคร่งครัด',
      'กำชับไม่ให้เจ้าหน้าที่มีส่วนเกี่ยวข้องกับผู้เข้าร่วมกระบวนการจัดซื้อจัดจ้างของหน่วยงาน',
      'เผยแพร่ประกาศ ความก้าวหน้า และรายงานสรุปผลการจัดซื้อจัดจ้างบนเว็บไซต์',
    ],
    ownerRole: 'งานพัสดุ (การคลัง)',
    period: WHOLE_YEAR,
    indicators: [2, 9],
    keepsStandard: true,
    source: 'seed 001 §6 (แนวทางการป้องกันผลประโยชน์ทับซ้อน); seed 003 topic 5 (o14–o17)',
  },
  {
    id: 'fair-performance-review',
    topic: 6,
    title: 'ประเมินผลการปฏิบัติงานและบริหารงานบุคคลอย่างเป็นธรรม',
    steps: [
      'ผู้บังคับบัญชาทุกระดับปฏิบัติตามหลักเกณฑ์และวิธีการประเมินผลการปฏิบัติราชการที่กำหนด',
      'แต่งตั้งคณะกรรมการกลั่นกรองผลการประเมินผลการปฏิบัติราชการของหน่วยงาน',
    ],
    ownerRole: 'งานการเจ้าหน้าที่',
    period: FIRST_HALF,
    indicators: [3],
    keepsStandard: false,
    source: 'seed 002 topic 6 (i15)',
  },
  {
    id: 'ethics-drive',
    topic: 6,
    title: 'การขับเคลื่อนจริยธรรมของหน่วยงาน',
    steps: [
      'จัดโครงการอบรมคุณธรรมจริยธรรมในการปฏิบัติหน้าที่ให้แก่บุคลากรภายในหน่วยงาน',
      'เผยแพร่ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐและผลการขับเคลื่อนจริยธรรม',
    ],
    ownerRole: 'งานการเจ้าหน้าที่ (วินัยและส่งเสริมคุณธรรม)',
    period: FIRST_HALF,
    indicators: [3, 10],
    keepsStandard: true,
    source: 'seed 003 topic 6 (o20, o21)',
  },
  {
    id: 'complaint-handling',
    topic: 7,
    title: 'การจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบอย่างมีประสิทธิภาพ',
    steps: [
      'กำหนดเจ้าหน้าที่ดูแลช่องทางร้องเรียนการทุจริตและประพฤติมิชอบ และตรวจสอบเป็นประจำ',
      'เมื่อมีการร้องเรียน ให้ดำเนินการแก้ไขและรายงานผู้บังคับบัญชาโดยเร็ว',
      'สรุปสถิติเรื่องร้องเรียนทุก 3 เดือน และเผยแพร่บนเว็บไซต์',
    ],
    ownerRole: 'งานนิติการ',
    period: WHOLE_YEAR,
    indicators: [5, 7, 10],
    keepsStandard: true,
    source: 'seed 003 topic 7 (o22–o24)',
  },
  {
    id: 'anti-corruption-plan',
    topic: 7,
    title: 'จัดทำแผนปฏิบัติการป้องกันการทุจริตประจำปีและนำผลการประเมิน ITA ไปปรับปรุงการทำงาน',
    steps: [
      'ประชุมวิเคราะห์ผลการประเมิน ITA ปีที่ผ่านมาเพื่อกำหนดแนวทางการพัฒนา และติดตามความก้าวหน้าอย่างต่อเนื่อง',
      'จัดทำแผนปฏิบัติการป้องกันการทุจริตประจำปี และเผยแพร่ในช่องทางออนไลน์',
      'สื่อสารผลการประเมินและมาตรการให้บุคลากรทราบผ่านบอร์ดประชาสัมพันธ์ Facebook และ LINE',
    ],
    ownerRole: 'ทุกส่วนราชการ',
    period: FIRST_HALF,
    indicators: [5, 10],
    keepsStandard: false,
    source: 'seed 002 topic 7 (i28, e15) and §2',
  },
];
