// LINE actions (quick replies, template and Flex buttons) as what the simulator page does when one is pressed.
// Action types: https://developers.line.biz/en/reference/messaging-api/#action-objects
import { esc, type JsonObject, strOf } from './html.ts';

/** Turns an image or link URL sent to LINE into one the page can open (local mode's public origin → the page's). */
export type UrlMapper = (url: string) => string | undefined;

/** What the page's script does with a pressed button (it reads this from the button's `data-act`). */
export type PageAction =
  | { kind: 'message'; text: string }
  | { kind: 'postback'; data: string; displayText?: string; label: string }
  | { kind: 'uri'; uri: string }
  | { kind: 'clipboard'; text: string };

/** Builds the URL mapper for an app whose messages name `publicBaseUrl`: its URLs become paths on this server. */
export function urlMapperFor(publicBaseUrl: string): UrlMapper {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return (url) => {
    if (url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`)) {
      return url.slice(base.length) || '/';
    }
    // Only schemes a browser opens harmlessly; LINE's own schemes (line://) mean nothing outside LINE.
    return /^(https?:|tel:|mailto:)/i.test(url) ? url : undefined;
  };
}

export function labelOf(action: JsonObject): string {
  return strOf(action, 'label') ?? strOf(action, 'text') ?? strOf(action, 'displayText') ?? '';
}

/** The page action of a LINE action, or a Thai reason why the simulator cannot do it. */
export function pageActionOf(action: JsonObject, mapUrl: UrlMapper): PageAction | { why: string } {
  const type = strOf(action, 'type');
  const label = labelOf(action);
  switch (type) {
    case 'message':
      return { kind: 'message', text: strOf(action, 'text') ?? label };
    case 'postback':
    case 'richmenuswitch': {
      const displayText = strOf(action, 'displayText') ?? strOf(action, 'text');
      return {
        kind: 'postback',
        data: strOf(action, 'data') ?? '',
        label,
        ...(displayText ? { displayText } : {}),
      };
    }
    case 'uri': {
      const uri = mapUrl(strOf(action, 'uri') ?? '');
      return uri === undefined ? { why: 'ลิงก์นี้เปิดได้ในแอป LINE เท่านั้น' } : { kind: 'uri', uri };
    }
    case 'clipboard':
      return { kind: 'clipboard', text: strOf(action, 'clipboardText') ?? '' };
    case 'datetimepicker':
      return { why: 'ตัวจำลองยังไม่รองรับการเลือกวันเวลา' };
    default:
      return { why: 'ปุ่มแบบนี้ใช้ได้ในแอป LINE เท่านั้น (กล้อง รูปภาพ ตำแหน่ง)' };
  }
}

/** Attributes that make an element a pressable action (`data-act`), or disabled with a tooltip saying why. */
export function actionAttrs(action: JsonObject | undefined, mapUrl: UrlMapper): string {
  if (action === undefined) return '';
  const page = pageActionOf(action, mapUrl);
  if ('why' in page) return ` disabled title="${esc(page.why)}"`;
  return ` data-act="${esc(JSON.stringify(page))}"`;
}

/** A `<button>` for an action, with a class for its look (quick reply, template button, Flex button). */
export function actionButton(action: JsonObject, mapUrl: UrlMapper, className: string, icon = ''): string {
  const uri = strOf(action, 'type') === 'uri' ? ' ↗' : '';
  return `<button type="button" class="${className}"${actionAttrs(action, mapUrl)}>${icon}${esc(labelOf(action))}${uri}</button>`;
}
