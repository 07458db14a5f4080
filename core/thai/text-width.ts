// Display width of Thai text in a monospace terminal: combining vowels and tone marks take no column.

// Above/below vowels and marks of the Thai block: ั ิ ี ึ ื ุ ู ฺ and ็ ่ ้ ๊ ๋ ์ ํ ๎.
const COMBINING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;

export function thaiDisplayWidth(text: string): number {
  return [...text.replace(COMBINING, '')].length;
}

/** Pads `text` with spaces on the right (or left) to `width` display columns. */
export function padThai(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const pad = ' '.repeat(Math.max(0, width - thaiDisplayWidth(text)));
  return align === 'left' ? text + pad : pad + text;
}
