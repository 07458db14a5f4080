// A rich menu as an HTML page the size of its image: each cell a tile with an icon, a Thai title and a hint,
// set in Sarabun (embedded, so the browser needs no network and no fonts of its own).
import { iconSvg } from './icons.ts';
import { cellBoxes } from './layout.ts';
import type { MenuDesign, Tone } from './menus.ts';

/** Sarabun 600 as WOFF2, base64: the Thai and the Latin subsets (@fontsource/sarabun). */
export interface MenuFonts {
  thai: string;
  latin: string;
}

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

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Unicode ranges as @fontsource/sarabun declares them (thai-600.css, latin-600.css).
const THAI_RANGE = 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC';
const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

function fontFaces(fonts: MenuFonts): string {
  const face = (data: string, range: string) =>
    `@font-face{font-family:'Sarabun';font-weight:600;font-style:normal;` +
    `src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range}}`;
  return face(fonts.thai, THAI_RANGE) + face(fonts.latin, LATIN_RANGE);
}

// Shrinks a title or hint that would not fit its tile on one line (Thai has no spaces to wrap at nicely),
// then marks the page ready for the screenshot.
const FIT_SCRIPT = `document.fonts.ready.then(() => {
  for (const el of document.querySelectorAll('.title, .hint')) {
    let size = parseFloat(getComputedStyle(el).fontSize);
    while (el.scrollWidth > el.clientWidth && size > 20) el.style.fontSize = (size -= 2) + 'px';
  }
  document.body.dataset.ready = 'yes';
});`;

export function renderMenuHtml(design: MenuDesign, fonts: MenuFonts): string {
  const { width, height } = design.size;
  const boxes = cellBoxes(design);
  // One title size per menu, from the row height, so the tiles look alike; the fit script handles the rest.
  const rowHeight = height / design.rows;
  const title = Math.round(rowHeight * 0.125);
  const hint = Math.round(title * 0.5);
  const badge = Math.round(rowHeight * 0.3);
  const tiles = boxes.map(({ cell, x, y, width: w, height: h }) => {
    const tone = TONES[cell.tone];
    return (
      `<div class="tile" style="left:${x + GAP}px;top:${y + GAP}px;width:${w - 2 * GAP}px;height:${h - 2 * GAP}px;` +
      `background:${tone.tint}">` +
      `<div class="badge" style="background:${tone.ink}">${iconSvg(cell.icon, Math.round(badge * 0.62), '#ffffff')}</div>` +
      `<div class="title" style="color:${tone.ink}">${escapeHtml(cell.title)}</div>` +
      `<div class="hint">${escapeHtml(cell.subtitle)}</div></div>`
    );
  });
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>
${fontFaces(fonts)}
html,body{margin:0;padding:0;width:${width}px;height:${height}px;overflow:hidden;background:#ffffff}
body{position:relative;font-family:'Sarabun',sans-serif;font-weight:600}
.tile{position:absolute;box-sizing:border-box;border-radius:36px;display:flex;flex-direction:column;
align-items:center;justify-content:center;text-align:center;padding:0 40px}
.badge{width:${badge}px;height:${badge}px;border-radius:50%;display:flex;align-items:center;justify-content:center}
.title,.hint{width:100%;white-space:nowrap;overflow:hidden}
.title{font-size:${title}px;line-height:1.3;margin-top:${Math.round(title * 0.35)}px}
.hint{font-size:${hint}px;line-height:1.3;color:#3e4c59}
</style></head><body>${tiles.join('')}<script>${FIT_SCRIPT}</script></body></html>`;
}
