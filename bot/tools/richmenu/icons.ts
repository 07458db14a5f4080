// Line icons for the rich-menu pictures, drawn for this project on a 24 × 24 grid (stroked, no fill).

export type IconName =
  | 'megaphone'
  | 'smile'
  | 'search'
  | 'chart'
  | 'help'
  | 'tasks'
  | 'users'
  | 'pencil'
  | 'trend'
  | 'grid';

const SHAPES: Record<IconName, string> = {
  megaphone:
    '<path d="M3 10v4h3l7 4.5V5.5L6 10H3z"/><path d="M16.5 9a4 4 0 0 1 0 6"/><path d="M19 6.5a7.5 7.5 0 0 1 0 11"/>',
  smile:
    '<circle cx="12" cy="12" r="9"/><path d="M8 14.5s1.5 2 4 2 4-2 4-2"/><path d="M9 9.5h.01"/><path d="M15 9.5h.01"/>',
  search: '<circle cx="10.5" cy="10.5" r="6.5"/><path d="M20 20l-4.8-4.8"/>',
  chart: '<path d="M3 20.5h18"/><path d="M6 20V11"/><path d="M12 20V4"/><path d="M18 20v-6"/>',
  help: '<circle cx="12" cy="12" r="9"/><path d="M9.6 9.2a2.5 2.5 0 1 1 3.4 2.4c-.6.3-1 .8-1 1.5v.8"/><path d="M12 17h.01"/>',
  tasks:
    '<path d="M3.5 6l1.5 1.5L8 4.5"/><path d="M3.5 12l1.5 1.5L8 10.5"/><path d="M3.5 18l1.5 1.5L8 16.5"/>' +
    '<path d="M11 6h9.5"/><path d="M11 12h9.5"/><path d="M11 18h9.5"/>',
  users:
    '<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20a6.5 6.5 0 0 1 13 0"/><path d="M16 4.7a3.5 3.5 0 0 1 0 6.6"/>' +
    '<path d="M18 14.2a6.5 6.5 0 0 1 3.5 5.8"/>',
  pencil: '<path d="M4 20h4L19.5 8.5l-4-4L4 16z"/><path d="M13.5 6.5l4 4"/>',
  trend: '<path d="M3 17l6-6 4 4 8-8"/><path d="M15 7h6v6"/>',
  grid:
    '<rect x="4" y="4" width="6.5" height="6.5" rx="1"/><rect x="13.5" y="4" width="6.5" height="6.5" rx="1"/>' +
    '<rect x="4" y="13.5" width="6.5" height="6.5" rx="1"/><rect x="13.5" y="13.5" width="6.5" height="6.5" rx="1"/>',
};

/** The icon as inline SVG, `size` pixels a side, in `color`. */
export function iconSvg(name: IconName, size: number, color: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" ` +
    `stroke="${color}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${SHAPES[name]}</svg>`
  );
}
