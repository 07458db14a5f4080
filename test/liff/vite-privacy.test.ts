// liff/vite-privacy.ts: the privacy pages it emits into the LIFF build from docs/threat-model*.md.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../liff/vite.config.ts';
import {
  type AssetSink,
  emitPrivacyPages,
  PRIVACY_PAGES,
  renderPrivacyPage,
} from '../../liff/vite-privacy.ts';

interface Emitted {
  fileName: string;
  source: string | Uint8Array;
}

/** Collects what the plugin emits; a hashed asset is named like Rollup names it (assets/<name>-<hash>). */
function collectAssets(): { sink: AssetSink; files: Map<string, Emitted> } {
  const files = new Map<string, Emitted>();
  const sink: AssetSink = {
    emitFile(file) {
      const ref = `ref${files.size}`;
      const fileName = file.fileName ?? `assets/${(file.name ?? 'asset').replace('.woff2', '')}-h4sh.woff2`;
      files.set(ref, { fileName, source: file.source });
      return ref;
    },
    getFileName: (ref) => files.get(ref)?.fileName ?? 'missing',
  };
  return { sink, files };
}

function emittedPages() {
  const { sink, files } = collectAssets();
  emitPrivacyPages(sink, '/liff/');
  const byName = new Map([...files.values()].map((f) => [f.fileName, f.source]));
  const textOf = (fileName: string) => {
    const source = byName.get(fileName);
    return typeof source === 'string' ? source : '';
  };
  return { byName, textOf };
}

describe('privacy pages plugin', () => {
  it('emits privacy.html from docs/threat-model.th.md, in Thai, with no scripts', () => {
    const page = emittedPages().textOf('privacy.html');
    expect(page).toMatch(/^<!doctype html>\n<html lang="th">/);
    expect(page).toContain('<title>เรื่องร้องเรียน: ใครรู้อะไรได้บ้าง</title>');
    for (const heading of ['ข้อมูลที่เก็บและวิธีเก็บ', 'ระยะเวลาที่เก็บ', 'ใครรู้อะไรได้บ้าง', 'ติดต่อ'])
      expect(page).toContain(`<h2>${heading}</h2>`);
    expect(page).toContain('<table>');
    expect(page).toContain('<strong>รู้ได้:</strong>');
    expect(page).toContain('<code>COMPLAINT_KEY</code>');
    expect(page).toContain('สายด่วนศูนย์ดำรงธรรม 1567');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain("default-src 'none'");
  });

  it('carries what the chat notice promises: what is kept, who sees it, for how long', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../docs/threat-model.th.md'), 'utf8');
    const page = emittedPages().textOf('privacy.html');
    for (const phrase of ['ไม่เกิน 5 รูป', 'บันทึกทุกครั้งที่เปิดดู', 'ครบ 24 ชั่วโมง', 'โดยปกติ 2 ปี', 'ไม่เกิน 7 วัน']) {
      expect(doc).toContain(phrase);
      expect(page).toContain(phrase);
    }
  });

  it('points the link to the English doc at the English page, which links back', () => {
    const { textOf } = emittedPages();
    expect(textOf('privacy.html')).toContain('<a href="privacy.en.html">English</a>');
    const english = textOf('privacy.en.html');
    expect(english).toMatch(/<html lang="en">/);
    expect(english).toContain('<a href="privacy.html">threat-model.th.md</a>');
    expect(english).toContain('hotline 1567');
  });

  it('emits the Sarabun woff2 files and names their built URLs under the base', () => {
    const { byName, textOf } = emittedPages();
    const fonts = [...byName.keys()].filter((name) => name.endsWith('.woff2'));
    expect(fonts).toHaveLength(4);
    for (const font of fonts) {
      const source = byName.get(font);
      expect(source instanceof Uint8Array && source.byteLength > 1000).toBe(true);
      expect(textOf('privacy.html')).toContain(`src:url(/liff/${font}) format("woff2")`);
    }
  });

  it('escapes the title and renders a repo file link as text only', () => {
    const page = renderPrivacyPage(
      { doc: 'x.md', fileName: 'x.html', lang: 'th' },
      '# <หัวข้อ> **หนา**\n\nดู [README](../README.md) และ [LINE](https://line.me)',
      '',
    );
    expect(page).toContain('<title>&lt;หัวข้อ&gt; หนา</title>');
    expect(page).toContain('<p>ดู README และ <a href="https://line.me">LINE</a></p>');
  });

  it('is registered in the LIFF Vite config, and the Thai page is the one /privacy redirects to', () => {
    const plugins: unknown[] = (viteConfig.plugins ?? []).flat(3);
    const names = plugins.map((p) =>
      typeof p === 'object' && p !== null && 'name' in p ? p.name : undefined,
    );
    expect(names).toContain('ita-privacy-pages');
    expect(PRIVACY_PAGES[0]?.fileName).toBe('privacy.html');
  });
});
