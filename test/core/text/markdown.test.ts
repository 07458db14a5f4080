// renderMarkdown: the forms docs/threat-model*.md use, and escaping of everything it renders.
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderInline, renderMarkdown } from '../../../core/text/markdown.ts';

describe('renderMarkdown', () => {
  it('renders headings, paragraphs and bullet lists as blocks', () => {
    expect(renderMarkdown('# หัวข้อ\n\n## ส่วนที่ 1\nบรรทัดแรก\nบรรทัดสอง\n\n- ข้อ ก\n- ข้อ ข')).toBe(
      '<h1>หัวข้อ</h1>\n<h2>ส่วนที่ 1</h2>\n<p>บรรทัดแรก บรรทัดสอง</p>\n<ul>\n<li>ข้อ ก</li>\n<li>ข้อ ข</li>\n</ul>',
    );
  });

  it('joins an indented continuation line to its bullet', () => {
    expect(renderMarkdown('- **รู้ได้:** ข้อความ\n  ต่อบรรทัด\n- ข้อถัดไป')).toBe(
      '<ul>\n<li><strong>รู้ได้:</strong> ข้อความ ต่อบรรทัด</li>\n<li>ข้อถัดไป</li>\n</ul>',
    );
  });

  it('ends a paragraph where a heading, list or table starts without a blank line', () => {
    expect(renderMarkdown('ข้อความ\n### หัวข้อย่อย\nต่อ\n- ข้อ')).toBe(
      '<p>ข้อความ</p>\n<h3>หัวข้อย่อย</h3>\n<p>ต่อ</p>\n<ul>\n<li>ข้อ</li>\n</ul>',
    );
  });

  it('renders a pipe table with a header row, inline markup in cells and escaped pipes', () => {
    const md = '| ข้อมูล | วิธีเก็บ |\n|---|:---:|\n| ชื่อ | `AES` a \\| b |\n| **รหัส** | — |';
    expect(renderMarkdown(md)).toBe(
      [
        '<table>',
        '<thead>',
        '<tr><th>ข้อมูล</th><th>วิธีเก็บ</th></tr>',
        '</thead>',
        '<tbody>',
        '<tr><td>ชื่อ</td><td><code>AES</code> a | b</td></tr>',
        '<tr><td><strong>รหัส</strong></td><td>—</td></tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
  });

  it('keeps a line starting with a pipe as text when no separator row follows', () => {
    expect(renderMarkdown('| not a table |')).toBe('<p>| not a table |</p>');
  });

  it('escapes HTML in headings, paragraphs, list items and table cells', () => {
    const md = '# <b>หัวข้อ</b>\n- a & b\n\n"<3" \'x\'\n\n| <i> |\n|---|\n| <script>alert(1)</script> |';
    const html = renderMarkdown(md);
    expect(html).toBe(
      '<h1>&lt;b&gt;หัวข้อ&lt;/b&gt;</h1>\n<ul>\n<li>a &amp; b</li>\n</ul>\n<p>&quot;&lt;3&quot; &#39;x&#39;</p>\n' +
        '<table>\n<thead>\n<tr><th>&lt;i&gt;</th></tr>\n</thead>\n<tbody>\n' +
        '<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td></tr>\n</tbody>\n</table>',
    );
    expect(html).not.toContain('<script');
  });

  it('accepts Windows line endings', () => {
    expect(renderMarkdown('# ก\r\n\r\nข')).toBe('<h1>ก</h1>\n<p>ข</p>');
  });
});

describe('renderInline', () => {
  it('renders bold, code and links, and reads no markup inside code', () => {
    expect(renderInline('**ตัวหนา** `a **b** <c>` [LINE](https://line.me/th/?a=1&b=2)')).toBe(
      '<strong>ตัวหนา</strong> <code>a **b** &lt;c&gt;</code> <a href="https://line.me/th/?a=1&amp;b=2">LINE</a>',
    );
  });

  it('renders inline markup inside bold and link text', () => {
    expect(renderInline('**กุญแจ `KEY`** [**ดู**](#top)')).toBe(
      '<strong>กุญแจ <code>KEY</code></strong> <a href="#top"><strong>ดู</strong></a>',
    );
  });

  it('drops the link but keeps its text for script, data and disguised URLs', () => {
    for (const href of [
      'javascript:alert`1`',
      'JavaScript:void0',
      'data:text/html,x',
      'vbscript:x',
      '\u0001javascript:x',
    ])
      expect(renderInline(`[กด](${href})`)).toBe('กด');
    // A target with parentheses is not read as a link at all: it stays escaped text.
    expect(renderInline('[กด](javascript:alert(1))')).toBe('[กด](javascript:alert(1))');
  });

  it('escapes quotes in a link target so it cannot leave the attribute', () => {
    expect(renderInline('[x](/a"onmouseover="b)')).toBe('<a href="/a&quot;onmouseover=&quot;b">x</a>');
  });

  it('asks resolveLink where a link points, and renders text alone when it answers undefined', () => {
    const resolveLink = (href: string) => (href.endsWith('.md') ? undefined : `/base/${href}`);
    expect(renderInline('[doc](other.md) [page](p.html)', { resolveLink })).toBe(
      'doc <a href="/base/p.html">page</a>',
    );
  });

  it('leaves unmatched markers as text', () => {
    expect(renderInline('a ** b ` c [d](')).toBe('a ** b ` c [d](');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
