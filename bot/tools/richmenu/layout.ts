// A menu's geometry: its grid cut into pixel boxes (shared by the tap areas and the picture), the body LINE
// takes, and LINE's limits on it.
import type { messagingApi } from '@line/bot-sdk';
import type { MenuCell, MenuDesign } from './menus.ts';

export interface CellBox {
  cell: MenuCell;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pixel boxes of the cells: the grid divided in whole pixels, edges shared so no pixel is left out. */
export function cellBoxes(design: MenuDesign): CellBox[] {
  const { width, height } = design.size;
  const xAt = (col: number) => Math.round((col * width) / design.columns);
  const yAt = (row: number) => Math.round((row * height) / design.rows);
  return design.cells.map((cell) => {
    const x = xAt(cell.col);
    const y = yAt(cell.row);
    return { cell, x, y, width: xAt(cell.col + (cell.span ?? 1)) - x, height: yAt(cell.row + 1) - y };
  });
}

/** The body of POST /v2/bot/richmenu. */
export function richMenuRequest(design: MenuDesign): messagingApi.RichMenuRequest {
  return {
    size: design.size,
    selected: false,
    name: design.name,
    chatBarText: design.chatBarText,
    areas: cellBoxes(design).map(({ cell, x, y, width, height }) => ({
      bounds: { x, y, width, height },
      action: cell.action,
    })),
  };
}

/** LINE's limits on a rich menu (PLATFORM-NOTES §1.10): what a design breaks, in words; empty when none. */
export function checkMenu(design: MenuDesign): string[] {
  const problems: string[] = [];
  if ([...design.chatBarText].length > 14) problems.push(`chatBarText longer than 14: ${design.chatBarText}`);
  if (design.name.length > 300) problems.push('name longer than 300 characters');
  if (design.cells.length === 0 || design.cells.length > 20) problems.push('areas must number 1 to 20');
  for (const { action } of design.cells)
    if ([...action.label].length > 20) problems.push(`action label longer than 20: ${action.label}`);
  return problems;
}
