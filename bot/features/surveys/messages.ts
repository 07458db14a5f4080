// IIT/EIT texts: the short link with its QR image, progress and pace lines, count reports, refusals, nudges.
import type { messagingApi } from '@line/bot-sdk';
import { formatThaiDate } from '../../../core/index.ts';
import type { BadCount } from '../../../core/surveys/report-text.ts';
import type { SurveyInstrument } from '../../../core/surveys/targets.ts';
import type { Agency } from '../../../db/queries/agencies.ts';
import { cutText, text } from '../../line/chat/message-parts.ts';
import type { LineMessage } from '../../line/client.ts';
import { agencyLabel } from '../groups/messages.ts';
import type { SurveyStatus } from './status.ts';

const say = (label: string, typed = label): messagingApi.QuickReplyItem => ({
  type: 'action',
  action: { type: 'message', label, text: typed },
});

const count = (n: number) => n.toLocaleString('en-US');

/** Lines that are there, joined: an absent forecast leaves no blank line. */
const joinLines = (...lines: (string | undefined)[]) => lines.filter((l) => l !== undefined).join('\n');

/** "ผู้ตอบ 52 จากเป้าขั้นต่ำ 40 คน (100 %) ครบแล้ว เกินเป้า 12 คน", or what is still missing. */
function progressLine(status: SurveyStatus): string {
  const reported = status.link?.reportedCount ?? null;
  const when = status.reportedAt ? ` · รายงานเมื่อ ${formatThaiDate(status.reportedAt)}` : '';
  if (status.target === undefined)
    return reported === null
      ? 'ยังไม่ได้กำหนดเป้าขั้นต่ำ และยังไม่มีการรายงานจำนวนผู้ตอบ'
      : `ผู้ตอบ ${count(reported)} คน (ยังไม่ได้กำหนดเป้าขั้นต่ำ)${when}`;
  const p = status.progress;
  if (p === undefined)
    return `เป้าขั้นต่ำ ${count(status.target)} คน · ยังไม่มีการรายงานจำนวนผู้ตอบ (พิมพ์ "รายงาน ${status.instrument} <จำนวน>")`;
  const done = p.met ? ` ครบแล้ว${p.overflow > 0 ? ` เกินเป้า ${count(p.overflow)} คน` : ''}` : '';
  return `ผู้ตอบ ${count(p.reported)} จากเป้าขั้นต่ำ ${count(p.target)} คน (${p.percent} %)${done}${when}`;
}

/** "ตามอัตรานี้: 63 % ภายใน 1 ก.ค. 2567"; undefined once the minimum is met or without a forecast. */
function forecastLine(status: SurveyStatus): string | undefined {
  const f = status.forecast;
  if (f === undefined || status.progress?.met === true) return undefined;
  const by = `ภายใน ${formatThaiDate(f.dueDay)}`;
  if (f.percent === undefined) return `ตามอัตรานี้: ประมาณ ${count(f.projected)} คน ${by}`;
  return f.percent >= 100 ? `ตามอัตรานี้: ครบเป้า${by}` : `ตามอัตรานี้: ${f.percent} % ${by}`;
}

export interface LinkView {
  agencyName: string;
  status: SurveyStatus;
  shortUrl: string;
  qrUrl: string;
  qrPreviewUrl: string;
  /** Staff see progress and sharing advice; citizens see a plain invitation. */
  audience: 'staff' | 'public';
}

const SHARING: Record<SurveyInstrument, string> = {
  IIT: 'แบบวัด IIT สำหรับบุคลากรของหน่วยงานเท่านั้น กรุณาส่งต่อเฉพาะในหน่วยงาน ไม่เผยแพร่ต่อบุคคลภายนอกค่ะ',
  EIT: 'ส่งลิงก์นี้ให้ผู้มารับบริการหรือผู้ติดต่อหน่วยงานได้เลย และพิมพ์รูป QR ด้านล่างติดที่จุดบริการได้ค่ะ',
};

/** The short link as text, then its QR code as an image (LINE shows it; the original is large enough to print). */
export function buildSurveyLink(view: LinkView): LineMessage[] {
  const { status } = view;
  const title = `แบบวัด ${status.instrument} ของ${view.agencyName}`;
  const body =
    view.audience === 'staff'
      ? joinLines(
          `${title} ปีงบประมาณ ${status.year}`,
          `ลิงก์สำหรับตอบ: ${view.shortUrl}`,
          progressLine(status),
          forecastLine(status),
          SHARING[status.instrument],
        )
      : joinLines(
          title,
          'ท่านให้ความเห็นต่อการให้บริการของหน่วยงานได้ที่ลิงก์นี้ โดยไม่ต้องระบุชื่อค่ะ',
          view.shortUrl,
          'ขอบคุณที่ช่วยให้บริการภาครัฐดีขึ้นค่ะ',
        );
  const image: LineMessage = {
    type: 'image',
    originalContentUrl: view.qrUrl,
    previewImageUrl: view.qrPreviewUrl,
  };
  return [text(body), image];
}

export function buildNoLink(
  agencyName: string,
  instrument: SurveyInstrument,
  year: number,
  staff: boolean,
): LineMessage[] {
  const next = staff
    ? 'ขอให้ผู้ประสานงานจังหวัดบันทึกลิงก์จากระบบ ITAS ก่อนนะคะ'
    : 'กรุณาลองใหม่ภายหลัง หรือสอบถามหน่วยงานโดยตรงค่ะ';
  return [text(`${agencyName} ยังไม่มีลิงก์แบบวัด ${instrument} ของปีงบประมาณ ${year} ค่ะ ${next}`)];
}

/** A count was saved: what was recorded, progress against the minimum and the pace. */
export function buildCountSaved(agencyName: string, status: SurveyStatus): LineMessage[] {
  const reported = status.link?.reportedCount ?? 0;
  const lines = [
    `บันทึกแล้วค่ะ: ผู้ตอบแบบวัด ${status.instrument} ของ${agencyName} ${count(reported)} คน`,
    progressLine(status),
  ];
  const pace = forecastLine(status);
  if (pace !== undefined) lines.push(pace);
  else if (status.progress?.met !== true) lines.push('รายงานจำนวนเป็นระยะ เพื่อให้ระบบประมาณการแนวโน้มได้ค่ะ');
  if (status.target === undefined)
    lines.push('ยังไม่ได้กำหนดเป้าขั้นต่ำ ขอให้ผู้ประสานงานจังหวัดบันทึกจำนวนผู้มีส่วนได้ส่วนเสียของหน่วยงานค่ะ');
  return [text(lines.join('\n'))];
}

const REPORT_EXAMPLES = 'เช่น "รายงาน IIT 45" หรือ "รายงาน EIT 120" (ใช้เลขไทยได้)';

export function buildReportUsage(): LineMessage[] {
  return [text(`รายงานจำนวนผู้ตอบล่าสุดจากระบบ ITAS โดยพิมพ์ ${REPORT_EXAMPLES}`)];
}

export type ReportProblem =
  | { kind: 'missing_instrument'; count?: number }
  | { kind: 'unknown_instrument'; word: string }
  | { kind: 'missing_count'; instrument: SurveyInstrument }
  | { kind: 'bad_count'; text: string; reason: BadCount; instrument: SurveyInstrument };

const BAD_COUNT: Record<BadCount, (typed: string) => string> = {
  not_number: (typed) => `"${cutText(typed, 30)}" ไม่ใช่ตัวเลขค่ะ กรุณาพิมพ์จำนวนเป็นตัวเลข`,
  negative: () => 'จำนวนผู้ตอบต้องไม่ติดลบค่ะ',
  fraction: () => 'จำนวนผู้ตอบต้องเป็นจำนวนเต็มค่ะ',
  too_large: (typed) => `จำนวน ${cutText(typed, 30)} มากเกินกว่าจะเป็นไปได้ค่ะ กรุณาตรวจสอบตัวเลขในระบบ ITAS อีกครั้ง`,
};

export function buildReportProblem(problem: ReportProblem): LineMessage[] {
  switch (problem.kind) {
    case 'missing_instrument': {
      const n = problem.count === undefined ? '<จำนวน>' : String(problem.count);
      const choices =
        problem.count === undefined
          ? undefined
          : { items: [say(`IIT ${n}`, `รายงาน IIT ${n}`), say(`EIT ${n}`, `รายงาน EIT ${n}`)] };
      return [text(`กรุณาระบุแบบวัดด้วยค่ะ เช่น "รายงาน IIT ${n}" หรือ "รายงาน EIT ${n}"`, choices)];
    }
    case 'unknown_instrument': {
      const why = problem.word.toUpperCase() === 'OIT' ? 'แบบวัด OIT ไม่มีจำนวนผู้ตอบ ' : '';
      return [text(`${why}รายงานจำนวนผู้ตอบได้เฉพาะแบบวัด IIT และ EIT ค่ะ ${REPORT_EXAMPLES}`)];
    }
    case 'missing_count':
      return [text(`กรุณาใส่จำนวนผู้ตอบด้วยค่ะ เช่น "รายงาน ${problem.instrument} 45"`)];
    case 'bad_count':
      return [text(`${BAD_COUNT[problem.reason](problem.text)} เช่น "รายงาน ${problem.instrument} 45"`)];
  }
}

export type SurveyRefusal =
  | 'iit_not_staff'
  | 'iit_officers_group'
  | 'group_not_bound'
  | 'room'
  | 'report_not_staff'
  | 'report_no_user'
  | 'report_coordinator_chat';

const REFUSALS: Record<SurveyRefusal, string> = {
  iit_not_staff:
    'ขออภัยค่ะ ลิงก์แบบวัด IIT ให้เฉพาะบุคลากรของหน่วยงานนั้นเท่านั้น หากท่านเป็นเจ้าหน้าที่ ITA ของหน่วยงาน ' +
    'พิมพ์ "IIT" ในกลุ่ม LINE ของหน่วยงาน หรือขอสิทธิ์จากผู้ประสานงานจังหวัดค่ะ\n' +
    'หากต้องการประเมินการให้บริการของหน่วยงาน พิมพ์ "EIT" ได้เลยค่ะ',
  iit_officers_group: 'กลุ่มนี้เป็นกลุ่มเจ้าหน้าที่รับเรื่องร้องเรียน ลิงก์แบบวัด IIT ขอได้ในกลุ่มเจ้าหน้าที่ของหน่วยงานค่ะ',
  group_not_bound:
    'กลุ่มนี้ยังไม่ได้ผูกกับหน่วยงานค่ะ ผู้ประสานงานจังหวัดขอรหัสได้ด้วยคำสั่ง "รหัสผูกกลุ่ม <ชื่อหน่วยงาน>" ' +
    'แล้วพิมพ์ "ผูกกลุ่ม <รหัส>" ในกลุ่มนี้ จากนั้นจึงขอลิงก์แบบวัดและรายงานจำนวนผู้ตอบได้ค่ะ',
  room: 'คำสั่งนี้ใช้ได้ในกลุ่ม LINE ที่ผูกกับหน่วยงาน หรือในแชตส่วนตัวกับบัญชีนี้ค่ะ',
  report_not_staff:
    'ขออภัยค่ะ การรายงานจำนวนผู้ตอบทำได้เฉพาะเจ้าหน้าที่ ITA ของหน่วยงานหรือผู้ประสานงานจังหวัด ' +
    'ขอสิทธิ์ได้จากผู้ประสานงานจังหวัดค่ะ',
  report_no_user:
    'ขออภัยค่ะ ระบบไม่ทราบว่าใครเป็นผู้ส่งข้อความนี้ จึงบันทึกจำนวนไม่ได้ กรุณาเพิ่มบัญชีนี้เป็นเพื่อนแล้วลองอีกครั้ง ' +
    'หรือรายงานในแชตส่วนตัวกับบัญชีนี้ค่ะ',
  report_coordinator_chat:
    'ผู้ประสานงานจังหวัดรายงานแทนหน่วยงานได้ในกลุ่ม LINE ของหน่วยงานนั้นค่ะ (ในแชตส่วนตัวรายงานได้เฉพาะหน่วยงานที่ท่านเป็นเจ้าหน้าที่)',
};

export function buildSurveyRefusal(refusal: SurveyRefusal): LineMessage[] {
  const eit = refusal === 'iit_not_staff' ? { items: [say('EIT')] } : undefined;
  return [text(REFUSALS[refusal], eit)];
}

/** Quick replies are LINE's limit of choices in one message (PLATFORM-NOTES §1.9). */
export const MAX_PICKS = 13;

/** Several agencies to choose from; each choice is a postback built by `dataFor` (the server re-checks it). */
export function buildAgencyPick(
  question: string,
  agencies: readonly Agency[],
  dataFor: (agency: Agency) => string,
  more = false,
): LineMessage[] {
  const shown = agencies.slice(0, MAX_PICKS);
  const items = shown.map(
    (a): messagingApi.QuickReplyItem => ({
      type: 'action',
      action: {
        type: 'postback',
        label: agencyLabel(a),
        data: dataFor(a),
        displayText: cutText(a.nameTh, 300),
      },
    }),
  );
  const tail = more || agencies.length > MAX_PICKS ? '\nยังมีหน่วยงานอื่นที่ตรงกันอีก พิมพ์ชื่อให้เจาะจงขึ้นได้ค่ะ' : '';
  return [text(`${question}${tail}`, { items })];
}

// Words most agencies' names start with: a short way into the list for someone who does not know the name.
const AGENCY_KINDS: readonly [string, string][] = [
  ['เทศบาล', 'EIT เทศบาล'],
  ['อบต. / อบจ.', 'EIT องค์การบริหารส่วน'],
  ['อำเภอ', 'EIT อำเภอ'],
  ['สำนักงานจังหวัด', 'EIT สำนักงาน'],
];

/** A citizen typed "EIT" alone: ask which agency, with a few kinds of agency as a start. */
export function buildEitAsk(): LineMessage[] {
  return [
    text(
      'ต้องการประเมินการให้บริการของหน่วยงานใดคะ พิมพ์ EIT ตามด้วยชื่อหน่วยงาน เช่น "EIT เทศบาลนครรังสิต" ' +
        'หรือ "EIT รังสิต" หรือเลือกประเภทหน่วยงานด้านล่างค่ะ',
      { items: AGENCY_KINDS.map(([label, typed]) => say(label, typed)) },
    ),
  ];
}

export function buildNoAgencyMatch(typed: string): LineMessage[] {
  return [
    text(
      `ไม่พบหน่วยงาน "${cutText(typed, 60)}" ในจังหวัดค่ะ ลองพิมพ์ชื่อให้สั้นลงหรือใช้คำอื่น ` +
        'เช่น "EIT รังสิต" หรือ "EIT อำเภอ"',
      { items: AGENCY_KINDS.map(([label, typed]) => say(label, typed)) },
    ),
  ];
}

/** A push to an agency's staff groups when its survey is behind pace. */
export function buildSurveyNudge(agencyName: string, status: SurveyStatus, shortUrl: string): LineMessage[] {
  const who = status.instrument === 'IIT' ? 'บุคลากรของหน่วยงาน' : 'ผู้มารับบริการและผู้ติดต่อหน่วยงาน';
  const body = joinLines(
    `ขอชวนเร่งประชาสัมพันธ์แบบวัด ${status.instrument} ของ${agencyName}ค่ะ`,
    progressLine(status),
    forecastLine(status),
    `ชวน${who}ตอบได้ที่ ${shortUrl} หรือพิมพ์ "${status.instrument}" เพื่อรับรูป QR`,
    `เมื่อมีผู้ตอบเพิ่ม พิมพ์ "รายงาน ${status.instrument} <จำนวน>" เพื่ออัปเดตค่ะ`,
  );
  return [text(body)];
}
