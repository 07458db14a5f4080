// LINE message objects as HTML for the simulator page: text, images, templates, Flex and quick replies.
// Message types: https://developers.line.biz/en/reference/messaging-api/#message-objects
import { actionAttrs, actionButton, type UrlMapper } from './actions.ts';
import { esc, type JsonObject, listOf, numOf, objOf, strOf } from './html.ts';
import { renderFlexContainer } from './render-flex.ts';

function imageTag(url: string | undefined, mapUrl: UrlMapper, className: string): string {
  const src = url === undefined ? undefined : mapUrl(url);
  return src === undefined ? '' : `<img class="${className}" alt="" src="${esc(src)}">`;
}

/** One column of a buttons or carousel template: image, title, text and up to four buttons. */
function templateCard(t: JsonObject, mapUrl: UrlMapper): string {
  const title = strOf(t, 'title');
  const buttons = listOf(t, 'actions')
    .map((a) => actionButton(a, mapUrl, 'tp-button'))
    .join('');
  return [
    `<div class="tp-card"${actionAttrs(objOf(t, 'defaultAction'), mapUrl)}>`,
    imageTag(strOf(t, 'thumbnailImageUrl'), mapUrl, 'tp-image'),
    '<div class="tp-body">',
    title === undefined ? '' : `<div class="tp-title">${esc(title)}</div>`,
    `<div class="tp-text">${esc(strOf(t, 'text') ?? '')}</div>`,
    '</div>',
    `<div class="tp-actions">${buttons}</div>`,
    '</div>',
  ].join('');
}

function template(t: JsonObject, mapUrl: UrlMapper): string {
  switch (strOf(t, 'type')) {
    case 'buttons':
      return templateCard(t, mapUrl);
    case 'confirm': {
      const buttons = listOf(t, 'actions')
        .map((a) => actionButton(a, mapUrl, 'tp-button'))
        .join('');
      return `<div class="tp-card tp-confirm"><div class="tp-body"><div class="tp-text">${esc(strOf(t, 'text') ?? '')}</div></div><div class="tp-actions tp-row">${buttons}</div></div>`;
    }
    case 'carousel':
      return `<div class="fx-carousel">${listOf(t, 'columns')
        .map((c) => templateCard(c, mapUrl))
        .join('')}</div>`;
    case 'image_carousel':
      return `<div class="fx-carousel">${listOf(t, 'columns')
        .map((c) => {
          const action = objOf(c, 'action') ?? {};
          return `<div class="tp-card tp-image-column">${imageTag(strOf(c, 'imageUrl'), mapUrl, 'tp-image')}${actionButton(action, mapUrl, 'tp-button')}</div>`;
        })
        .join('')}</div>`;
    default:
      return '';
  }
}

/** Escaped text with its URLs as links, as LINE shows them; a link on the local public origin opens locally. */
function linkify(text: string, mapUrl: UrlMapper): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"']*[^\s<>"'.,)]/g)) {
    const href = mapUrl(match[0]);
    html += esc(text.slice(last, match.index));
    html +=
      href === undefined
        ? esc(match[0])
        : `<a href="${esc(href)}" target="_blank" rel="noopener">${esc(match[0])}</a>`;
    last = match.index + match[0].length;
  }
  return html + esc(text.slice(last));
}

function location(m: JsonObject): string {
  const lat = numOf(m, 'latitude');
  const lng = numOf(m, 'longitude');
  const map =
    lat === undefined || lng === undefined
      ? ''
      : ` <a href="https://www.google.com/maps?q=${lat},${lng}" target="_blank" rel="noopener">แผนที่ ↗</a>`;
  return `<div class="msg msg-text">📍 ${esc(strOf(m, 'title') ?? 'ตำแหน่ง')}\n${esc(strOf(m, 'address') ?? '')}${map}</div>`;
}

/** One message as the page shows it; a type the simulator does not draw shows its alt text. */
export function renderMessage(m: JsonObject, mapUrl: UrlMapper): string {
  switch (strOf(m, 'type')) {
    case 'text':
    case 'textV2':
      return `<div class="msg msg-text">${linkify(strOf(m, 'text') ?? '', mapUrl)}</div>`;
    case 'image': {
      const full = mapUrl(strOf(m, 'originalContentUrl') ?? '');
      const img = imageTag(
        strOf(m, 'previewImageUrl') ?? strOf(m, 'originalContentUrl'),
        mapUrl,
        'msg-image',
      );
      return full === undefined
        ? img
        : `<a class="msg msg-media" href="${esc(full)}" target="_blank" rel="noopener">${img}</a>`;
    }
    case 'sticker':
      return '<div class="msg msg-sticker" title="สติกเกอร์">🙂</div>';
    case 'video':
      return `<div class="msg msg-media">${imageTag(strOf(m, 'previewImageUrl'), mapUrl, 'msg-image')}<div class="msg-caption">▶ วิดีโอ</div></div>`;
    case 'audio':
      return '<div class="msg msg-text">🔊 ข้อความเสียง</div>';
    case 'location':
      return location(m);
    case 'template': {
      const body = template(objOf(m, 'template') ?? {}, mapUrl);
      return body === ''
        ? `<div class="msg msg-text">${esc(strOf(m, 'altText') ?? '')}</div>`
        : `<div class="msg msg-card">${body}</div>`;
    }
    case 'flex':
      return `<div class="msg msg-card" title="${esc(strOf(m, 'altText') ?? '')}">${renderFlexContainer(objOf(m, 'contents') ?? {}, mapUrl)}</div>`;
    default:
      return `<div class="msg msg-text msg-unknown">[${esc(strOf(m, 'type') ?? '?')}] ${esc(strOf(m, 'altText') ?? '')}</div>`;
  }
}

/** The quick-reply buttons of a message (LINE shows those of the last message received), or undefined. */
export function renderQuickReply(m: JsonObject, mapUrl: UrlMapper): string | undefined {
  const items = listOf(objOf(m, 'quickReply') ?? {}, 'items');
  if (items.length === 0) return undefined;
  return items
    .map((item) => {
      const action = objOf(item, 'action') ?? {};
      const icon = imageTag(strOf(item, 'imageUrl'), mapUrl, 'qr-icon');
      return actionButton(action, mapUrl, 'quick', icon);
    })
    .join('');
}
