// A small Flex Message renderer for the simulator: bubble and carousel, boxes, text, spans, buttons, images,
// icons, separators, spacers and fillers, close enough to LINE's look to recognise what the bot sent.
import { actionAttrs, labelOf, type UrlMapper } from './actions.ts';
import {
  BUBBLE_WIDTH,
  borderWidthOf,
  flexCss,
  imageSizeOf,
  type Layout,
  marginCss,
  offsetCss,
  placementCss,
  plainLength,
  spacingOf,
  textSizeOf,
} from './flex-style.ts';
import { cssColor, esc, type JsonObject, listOf, numOf, objOf, strOf, styleAttr } from './html.ts';

interface Place {
  mapUrl: UrlMapper;
  parent: Layout;
  spacing: string | undefined;
  first: boolean;
}

/** What every component shares: its flex ratio, the space before it, offsets and placement. */
function common(c: JsonObject, at: Place): (string | undefined)[] {
  return [
    flexCss(c, at.parent),
    marginCss(c, at.parent, at.spacing, at.first),
    ...offsetCss(c),
    placementCss(c, at.parent),
  ];
}

function paddingCss(box: JsonObject): (string | undefined)[] {
  const all = spacingOf(strOf(box, 'paddingAll'));
  const side = (key: string, css: string) => {
    const value = spacingOf(strOf(box, key));
    return value === undefined ? undefined : `${css}:${value}`;
  };
  return [
    all === undefined ? undefined : `padding:${all}`,
    side('paddingTop', 'padding-top'),
    side('paddingBottom', 'padding-bottom'),
    side('paddingStart', 'padding-left'),
    side('paddingEnd', 'padding-right'),
  ];
}

const LAYOUTS: readonly Layout[] = ['vertical', 'horizontal', 'baseline'];
const JUSTIFY = /^(flex-start|center|flex-end|space-between|space-around|space-evenly)$/;

/** A box's own look: background, border, corners, size, padding, and how it spreads its children. */
function boxCss(c: JsonObject): (string | undefined)[] {
  const border = borderWidthOf(strOf(c, 'borderWidth'));
  const radius = spacingOf(strOf(c, 'cornerRadius'));
  const justify = strOf(c, 'justifyContent');
  const alignItems = strOf(c, 'alignItems');
  return [
    `background-color:${cssColor(strOf(c, 'backgroundColor')) ?? 'transparent'}`,
    border === undefined
      ? undefined
      : `border:${border} solid ${cssColor(strOf(c, 'borderColor')) ?? '#000'}`,
    radius === undefined ? undefined : `border-radius:${radius};overflow:hidden`,
    ...(['width', 'maxWidth', 'height', 'maxHeight'] as const).map((k) => {
      const v = plainLength(strOf(c, k));
      return v === undefined ? undefined : `${k.replace('W', '-w').replace('H', '-h')}:${v}`;
    }),
    ...paddingCss(c),
    justify !== undefined && JUSTIFY.test(justify) ? `justify-content:${justify}` : undefined,
    alignItems !== undefined && JUSTIFY.test(alignItems) ? `align-items:${alignItems}` : undefined,
  ];
}

function box(c: JsonObject, at: Place): string {
  const layout = LAYOUTS.find((l) => l === strOf(c, 'layout')) ?? 'vertical';
  const spacing = spacingOf(strOf(c, 'spacing'));
  const children = listOf(c, 'contents')
    .map((child, i) => component(child, { mapUrl: at.mapUrl, parent: layout, spacing, first: i === 0 }))
    .join('');
  const style = styleAttr([...common(c, at), ...boxCss(c)]);
  return `<div class="fx-box fx-${layout}"${style}${actionAttrs(objOf(c, 'action'), at.mapUrl)}>${children}</div>`;
}

function textStyle(c: JsonObject): (string | undefined)[] {
  const size = textSizeOf(strOf(c, 'size'));
  const color = cssColor(strOf(c, 'color'));
  return [
    size === undefined ? undefined : `font-size:${size}`,
    strOf(c, 'weight') === 'bold' ? 'font-weight:700' : undefined,
    color === undefined ? undefined : `color:${color}`,
    strOf(c, 'style') === 'italic' ? 'font-style:italic' : undefined,
    ['underline', 'line-through'].includes(strOf(c, 'decoration') ?? '')
      ? `text-decoration:${strOf(c, 'decoration')}`
      : undefined,
  ];
}

function text(c: JsonObject, at: Place): string {
  const spans = listOf(c, 'contents').filter((s) => strOf(s, 'type') === 'span');
  const inner =
    spans.length > 0
      ? spans.map((s) => `<span${styleAttr(textStyle(s))}>${esc(strOf(s, 'text') ?? '')}</span>`).join('')
      : esc(strOf(c, 'text') ?? '');
  const wrap = c.wrap === true;
  const maxLines = numOf(c, 'maxLines');
  const align = strOf(c, 'align');
  const style = styleAttr([
    ...common(c, at),
    ...textStyle(c),
    align === 'center' || align === 'end' ? `text-align:${align}` : undefined,
    wrap ? 'white-space:pre-wrap' : 'white-space:nowrap;overflow:hidden;text-overflow:ellipsis',
    wrap && maxLines !== undefined && maxLines > 0
      ? `display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:${maxLines};overflow:hidden`
      : undefined,
  ]);
  return `<div class="fx-text"${style}${actionAttrs(objOf(c, 'action'), at.mapUrl)}>${inner}</div>`;
}

function button(c: JsonObject, at: Place): string {
  const action = objOf(c, 'action') ?? {};
  const look =
    strOf(c, 'style') === 'primary' ? 'primary' : strOf(c, 'style') === 'secondary' ? 'secondary' : 'link';
  const color = cssColor(strOf(c, 'color'));
  const style = styleAttr([
    ...common(c, at),
    color === undefined ? undefined : look === 'link' ? `color:${color}` : `background-color:${color}`,
  ]);
  const height = strOf(c, 'height') === 'sm' ? 'fx-sm' : 'fx-md';
  const uri = strOf(action, 'type') === 'uri' ? ' ↗' : '';
  return `<button type="button" class="fx-button fx-${look} ${height}"${style}${actionAttrs(action, at.mapUrl)}>${esc(labelOf(action))}${uri}</button>`;
}

/** An image: `size` md (100 px) unless given, centred in a vertical box as LINE does unless `align` says otherwise. */
function image(c: JsonObject, at: Place): string {
  const src = at.mapUrl(strOf(c, 'url') ?? '');
  const ratio = (strOf(c, 'aspectRatio') ?? '1:1').match(/^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/);
  const centred =
    at.parent === 'vertical' && strOf(c, 'align') === undefined ? 'align-self:center' : undefined;
  const style = styleAttr([
    ...common(c, at),
    centred,
    `width:${imageSizeOf(strOf(c, 'size')) ?? '100px'}`,
    'max-width:100%',
    ratio ? `aspect-ratio:${ratio[1]}/${ratio[2]}` : undefined,
    `object-fit:${strOf(c, 'aspectMode') === 'cover' ? 'cover' : 'contain'}`,
    `background-color:${cssColor(strOf(c, 'backgroundColor')) ?? 'transparent'}`,
  ]);
  const source = src === undefined ? '' : ` src="${esc(src)}"`;
  return `<img class="fx-image" alt=""${source}${style}${actionAttrs(objOf(c, 'action'), at.mapUrl)}>`;
}

function component(c: JsonObject, at: Place): string {
  switch (strOf(c, 'type')) {
    case 'box':
      return box(c, at);
    case 'text':
      return text(c, at);
    case 'button':
      return button(c, at);
    case 'image':
      return image(c, at);
    case 'icon': {
      const src = at.mapUrl(strOf(c, 'url') ?? '');
      const size = textSizeOf(strOf(c, 'size')) ?? '16px';
      const style = styleAttr([
        marginCss(c, at.parent, at.spacing, at.first),
        `width:${size}`,
        `height:${size}`,
        'flex:0 0 auto',
      ]);
      return `<img class="fx-icon" alt=""${src === undefined ? '' : ` src="${esc(src)}"`}${style}>`;
    }
    case 'separator': {
      const color = cssColor(strOf(c, 'color')) ?? '#d4d6da';
      const line =
        at.parent === 'vertical' ? `border-top:1px solid ${color}` : `border-left:1px solid ${color}`;
      return `<div class="fx-separator"${styleAttr([marginCss(c, at.parent, at.spacing, at.first), line, 'flex:0 0 auto'])}></div>`;
    }
    case 'spacer': {
      const size = spacingOf(strOf(c, 'size')) ?? '8px';
      return `<div class="fx-spacer"${styleAttr([at.parent === 'vertical' ? `height:${size}` : `width:${size}`, 'flex:0 0 auto'])}></div>`;
    }
    case 'filler':
      return `<div class="fx-filler"${styleAttr([`flex:${numOf(c, 'flex') ?? 1} 1 0`])}></div>`;
    case 'video': {
      const alt = objOf(c, 'altContent');
      return alt === undefined ? '' : component(alt, at);
    }
    default:
      return '';
  }
}

type Block = 'header' | 'hero' | 'body' | 'footer';
const BLOCKS: readonly Block[] = ['header', 'hero', 'body', 'footer'];

function block(name: Block, content: JsonObject, styles: JsonObject | undefined, mapUrl: UrlMapper): string {
  const own = styles && objOf(styles, name);
  const background = cssColor(own && strOf(own, 'backgroundColor'));
  const separator =
    own?.separator === true
      ? `border-top:1px solid ${cssColor(strOf(own, 'separatorColor')) ?? '#d4d6da'}`
      : undefined;
  const at: Place = { mapUrl, parent: 'vertical', spacing: undefined, first: true };
  const inner = component(content, at);
  return `<div class="fx-block fx-${name}"${styleAttr([background && `background-color:${background}`, separator])}>${inner}</div>`;
}

function bubble(b: JsonObject, mapUrl: UrlMapper): string {
  const styles = objOf(b, 'styles');
  const width = BUBBLE_WIDTH[strOf(b, 'size') ?? 'mega'] ?? BUBBLE_WIDTH.mega;
  const blocks = BLOCKS.map((name) => {
    const content = objOf(b, name);
    return content === undefined ? '' : block(name, content, styles, mapUrl);
  }).join('');
  const rtl = strOf(b, 'direction') === 'rtl' ? ' dir="rtl"' : '';
  return `<div class="fx-bubble"${rtl}${styleAttr([`width:${width}`])}${actionAttrs(objOf(b, 'action'), mapUrl)}>${blocks}</div>`;
}

/** A Flex message's `contents`: one bubble, or a carousel of bubbles scrolled sideways. */
export function renderFlexContainer(contents: JsonObject, mapUrl: UrlMapper): string {
  if (strOf(contents, 'type') === 'carousel') {
    return `<div class="fx-carousel">${listOf(contents, 'contents')
      .map((b) => bubble(b, mapUrl))
      .join('')}</div>`;
  }
  return bubble(contents, mapUrl);
}
