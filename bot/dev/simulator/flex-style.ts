// LINE Flex keywords as CSS: sizes, spacing, padding, radii and the flex ratio, with LINE's documented pixels.
// Sources: https://developers.line.biz/en/docs/messaging-api/flex-message-layout/ and the Flex elements page.
import { type JsonObject, numOf, strOf } from './html.ts';

export type Layout = 'vertical' | 'horizontal' | 'baseline';

const SPACING: Record<string, string> = {
  none: '0px',
  xs: '2px',
  sm: '4px',
  md: '8px',
  lg: '12px',
  xl: '16px',
  xxl: '20px',
};

const TEXT_SIZE: Record<string, string> = {
  xxs: '11px',
  xs: '13px',
  sm: '14px',
  md: '16px',
  lg: '19px',
  xl: '22px',
  xxl: '29px',
  '3xl': '35px',
  '4xl': '48px',
  '5xl': '74px',
};

const IMAGE_SIZE: Record<string, string> = {
  xxs: '40px',
  xs: '60px',
  sm: '80px',
  md: '100px',
  lg: '120px',
  xl: '140px',
  xxl: '160px',
  '3xl': '180px',
  '4xl': '200px',
  '5xl': '240px',
  full: '100%',
};

const BORDER_WIDTH: Record<string, string> = {
  none: '0px',
  light: '0.5px',
  normal: '1px',
  medium: '2px',
  'semi-bold': '3px',
  bold: '4px',
};

export const BUBBLE_WIDTH: Record<string, string> = {
  nano: '120px',
  micro: '160px',
  deca: '220px',
  hecto: '241px',
  kilo: '260px',
  mega: '300px',
  giga: '500px',
};

/** A keyword from `table`, or a literal `12px` / `30%`; anything else is dropped. */
function lengthFrom(table: Record<string, string>, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d+(\.\d+)?(px|%)$/.test(value)) return value;
  return table[value];
}

export const spacingOf = (value: string | undefined) => lengthFrom(SPACING, value);
export const textSizeOf = (value: string | undefined) => lengthFrom(TEXT_SIZE, value);
export const imageSizeOf = (value: string | undefined) => lengthFrom(IMAGE_SIZE, value);
export const borderWidthOf = (value: string | undefined) => lengthFrom(BORDER_WIDTH, value);
export const plainLength = (value: string | undefined) => lengthFrom({}, value);

/** `flex` of a component: default 1 in horizontal and baseline boxes, 0 in vertical ones (LINE's rule). */
export function flexCss(component: JsonObject, parent: Layout): string {
  const flex = numOf(component, 'flex') ?? (parent === 'vertical' ? 0 : 1);
  return flex > 0 ? `flex:${flex} 1 0` : 'flex:0 0 auto';
}

/** The space before a component: its own `margin`, else the parent's `spacing` (none before the first). */
export function marginCss(
  component: JsonObject,
  parent: Layout,
  spacing: string | undefined,
  first: boolean,
) {
  const margin = spacingOf(strOf(component, 'margin')) ?? (first ? undefined : spacing);
  if (margin === undefined) return undefined;
  return parent === 'vertical' ? `margin-top:${margin}` : `margin-left:${margin}`;
}

/** `position: absolute` and the offsets LINE allows on every component. */
export function offsetCss(component: JsonObject): string[] {
  const out: string[] = [];
  if (strOf(component, 'position') === 'absolute') out.push('position:absolute');
  for (const side of ['Top', 'Bottom', 'Start', 'End'] as const) {
    const value = spacingOf(strOf(component, `offset${side}`));
    const css = { Top: 'top', Bottom: 'bottom', Start: 'left', End: 'right' }[side];
    if (value !== undefined) out.push(`${css}:${value}`);
  }
  if (out.length > 0 && out[0] !== 'position:absolute') out.unshift('position:relative');
  return out;
}

/** `gravity` (cross-axis placement in a horizontal box) and `align` (in a vertical box). */
export function placementCss(component: JsonObject, parent: Layout): string | undefined {
  const gravity = strOf(component, 'gravity');
  const align = strOf(component, 'align');
  const map: Record<string, string> = {
    top: 'flex-start',
    bottom: 'flex-end',
    center: 'center',
    start: 'flex-start',
    end: 'flex-end',
  };
  const value = parent === 'vertical' ? align : gravity;
  return value !== undefined && map[value] !== undefined ? `align-self:${map[value]}` : undefined;
}
