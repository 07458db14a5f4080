// A rich menu as one SVG the size of its image: each cell a rounded tile with an icon badge, a Thai title and
// a hint, set in Sarabun. The renderer (render.ts) turns it into the PNG LINE takes; no browser is involved.
import { iconSvg } from './icons.ts';
import { cellBoxes } from './layout.ts';
import type { MenuDesign, Tone } from './menus.ts';

// Dark enough for white icons and titles on a tinted tile to pass WCAG AA contrast.
const TONES: Record<Tone, { ink: string; tint: string }> = {
  green: { ink: '#0b6b4f', tint: '#e8f5ef' },
  blue: { ink: '#1d4f91', tint: '#e9f0fa' },
  amber: { ink: '#9a4a07', tint: '#fdf1e4' },
  purple: { ink: '#5b3aa8', tint: '#f1ecfb' },
  teal: { ink: '#0b6374', tint: '#e6f4f7' },
  slate: { ink: '#334155', tint: '#eef1f5' },
};

const GAP = 10;
/** Space kept free on each side of a title or hint inside its tile. */
const PADDING = 40;
/** No text is shrunk below this size to fit; it is cut by the tile instead (as the old page did). */
const MIN_TEXT = 20;
const LINE = 1.3;
export const FONT_FAMILY = 'Sarabun';

/** How wide `text` is at `fontSize` pixels, in pixels (render.ts measures it with the real font). */
export type MeasureText = (text: string, fontSize: number) => number;

/**
 * Text as the renderer must get it: XML-escaped, and SARA AM split into NIKHAHIT + SARA AA with the nikhahit
 * before any tone mark, as HarfBuzz's Thai shaper does (hb-ot-shaper-thai.cc); resvg's shaper leaves SARA AM
 * whole and Sarabun's glyph for it then overlaps the next letter.
 */
export function svgText(text: string): string {
  return text
    .replace(/([\u0E48-\u0E4B]?)\u0E33/g, '\u0E4D$1\u0E32')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The largest size up to `size` at which `text` fits `room` pixels, not below MIN_TEXT. */
export function fitSize(text: string, size: number, room: number, measure: MeasureText): number {
  const width = measure(text, size);
  if (width <= room) return size;
  return Math.max(MIN_TEXT, Math.floor((size * room) / width));
}

function textLine(text: string, x: number, top: number, size: number, fill: string): string {
  // The middle of a line box, lowered by about a third of the size: the baseline of a centred line in Sarabun.
  const baseline = top + (size * LINE) / 2 + size * 0.35;
  return (
    `<text x="${x}" y="${baseline.toFixed(1)}" font-family="${FONT_FAMILY}" font-weight="600" ` +
    `font-size="${size}" fill="${fill}" text-anchor="middle">${svgText(text)}</text>`
  );
}

export function renderMenuSvg(design: MenuDesign, measure: MeasureText): string {
  const { width, height } = design.size;
  // One title size per menu, from the row height, so the tiles look alike; a long text is shrunk to fit.
  const rowHeight = height / design.rows;
  const title = Math.round(rowHeight * 0.125);
  const hint = Math.round(title * 0.5);
  const badge = Math.round(rowHeight * 0.3);
  const icon = Math.round(badge * 0.62);
  const tiles = cellBoxes(design).map(({ cell, x, y, width: w, height: h }) => {
    const tone = TONES[cell.tone];
    const tx = x + GAP;
    const ty = y + GAP;
    const tw = w - 2 * GAP;
    const th = h - 2 * GAP;
    const cx = tx + tw / 2;
    const room = tw - 2 * PADDING;
    const titleGap = Math.round(title * 0.35);
    const stack = badge + titleGap + title * LINE + hint * LINE;
    const top = ty + (th - stack) / 2;
    const titleTop = top + badge + titleGap;
    return (
      `<rect x="${tx}" y="${ty}" width="${tw}" height="${th}" rx="36" fill="${tone.tint}"/>` +
      `<circle cx="${cx}" cy="${top + badge / 2}" r="${badge / 2}" fill="${tone.ink}"/>` +
      `<g transform="translate(${cx - icon / 2} ${top + (badge - icon) / 2})">${iconSvg(cell.icon, icon, '#ffffff')}</g>` +
      textLine(cell.title, cx, titleTop, fitSize(cell.title, title, room, measure), tone.ink) +
      textLine(
        cell.subtitle,
        cx,
        titleTop + title * LINE,
        fitSize(cell.subtitle, hint, room, measure),
        '#3e4c59',
      )
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${tiles.join('')}</svg>`
  );
}
