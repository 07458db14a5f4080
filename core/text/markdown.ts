// Markdown to HTML for the forms our docs use: headings, paragraphs, bullet lists, pipe tables, and inline
// **bold**, `code` and [links](…). Anything else stays text, and every piece of text is HTML-escaped.

/** Where a link points in the output; undefined renders the link's text alone (e.g. a doc not published). */
export type ResolveLink = (href: string) => string | undefined;

export interface MarkdownOptions {
  resolveLink?: ResolveLink;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/;
const BULLET = /^[-*+]\s+/;
const TABLE_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/;
// Earliest match wins, so a code span's content is never read as bold or as a link.
const INLINE = /`([^`]+)`|\[([^\]]+)\]\(([^()\s]+)\)|\*\*(.+?)\*\*/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** Whether a browser may follow href: no script or data URLs, no control characters that hide a scheme. */
function isSafeHref(href: string): boolean {
  if ([...href].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f)) return false;
  const scheme = SCHEME.exec(href)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

function renderLink(label: string, href: string, options: MarkdownOptions): string {
  const text = renderInline(label, options);
  const target = options.resolveLink === undefined ? href : options.resolveLink(href);
  if (target === undefined || !isSafeHref(target)) return text;
  return `<a href="${escapeHtml(target)}">${text}</a>`;
}

/** One line's inline markup to HTML. */
export function renderInline(text: string, options: MarkdownOptions = {}): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    out += escapeHtml(text.slice(last, m.index));
    last = m.index + m[0].length;
    const [, code, label, href, bold] = m;
    if (code !== undefined) out += `<code>${escapeHtml(code)}</code>`;
    else if (label !== undefined && href !== undefined) out += renderLink(label, href, options);
    else out += `<strong>${renderInline(bold ?? '', options)}</strong>`;
  }
  return out + escapeHtml(text.slice(last));
}

/** A table row's cells; `\|` is a pipe inside a cell. */
function cellsOf(row: string): string[] {
  const inner = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

const isTableStart = (line: string, next: string | undefined) =>
  line.startsWith('|') && next !== undefined && TABLE_SEPARATOR.test(next.trim());

/** Whether a line opens a block of its own (and so ends a paragraph or a list item). */
const opensBlock = (line: string, next: string | undefined) =>
  HEADING.test(line) || BULLET.test(line) || isTableStart(line, next);

function renderTable(rows: readonly string[], options: MarkdownOptions): string {
  const [head = '', ...body] = rows;
  const row = (cells: string[], tag: 'th' | 'td') =>
    `<tr>${cells.map((c) => `<${tag}>${renderInline(c, options)}</${tag}>`).join('')}</tr>`;
  const bodyHtml =
    body.length === 0 ? '' : `\n<tbody>\n${body.map((r) => row(cellsOf(r), 'td')).join('\n')}\n</tbody>`;
  return `<table>\n<thead>\n${row(cellsOf(head), 'th')}\n</thead>${bodyHtml}\n</table>`;
}

/** Markdown to an HTML fragment; lines of one paragraph or list item are joined with a space. */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const lineAt = (i: number) => lines[i]?.trim();
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lineAt(i) ?? '';
    const heading = HEADING.exec(line);
    if (line === '') {
      i += 1;
    } else if (heading !== null) {
      const level = heading[1]?.length ?? 1;
      out.push(`<h${level}>${renderInline(heading[2] ?? '', options)}</h${level}>`);
      i += 1;
    } else if (isTableStart(line, lineAt(i + 1))) {
      const rows = [line];
      i += 2;
      for (let row = lineAt(i); row?.startsWith('|'); row = lineAt(i)) {
        rows.push(row);
        i += 1;
      }
      out.push(renderTable(rows, options));
    } else if (BULLET.test(line)) {
      const items: string[] = [];
      for (let l = lineAt(i); l !== undefined && l !== ''; l = lineAt(i)) {
        if (BULLET.test(l)) items.push(l.replace(BULLET, ''));
        else if (opensBlock(l, lineAt(i + 1))) break;
        else items[items.length - 1] = `${items[items.length - 1]} ${l}`;
        i += 1;
      }
      out.push(`<ul>\n${items.map((item) => `<li>${renderInline(item, options)}</li>`).join('\n')}\n</ul>`);
    } else {
      const parts = [line];
      i += 1;
      for (let l = lineAt(i); l !== undefined && l !== '' && !opensBlock(l, lineAt(i + 1)); l = lineAt(i)) {
        parts.push(l);
        i += 1;
      }
      out.push(`<p>${renderInline(parts.join(' '), options)}</p>`);
    }
  }
  return out.join('\n');
}
