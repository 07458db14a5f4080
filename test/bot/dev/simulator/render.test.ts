// The simulator's rendering of LINE messages: text, images on the local origin, templates, Flex, quick replies.
import { describe, expect, it } from 'vitest';
import { pageActionOf, urlMapperFor } from '../../../../bot/dev/simulator/actions.ts';
import { renderMessage, renderQuickReply } from '../../../../bot/dev/simulator/render.ts';

const mapUrl = urlMapperFor('https://ita-line.local');

/** The page actions in rendered HTML, as the page's script reads them from `data-act`. */
function actionsIn(html: string): unknown[] {
  return [...html.matchAll(/data-act="([^"]*)"/g)].map((m) =>
    JSON.parse((m[1] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&')),
  );
}

describe('urlMapperFor', () => {
  it.each([
    ['https://ita-line.local/qr/abc.png', '/qr/abc.png'],
    ['https://ita-line.local', '/'],
    ['https://ita-line.local/s/K7QM?x=1', '/s/K7QM?x=1'],
    ['https://itas.nacc.go.th/go/abc', 'https://itas.nacc.go.th/go/abc'],
    ['tel:021234567', 'tel:021234567'],
    ['https://ita-line.local.evil.com/x', 'https://ita-line.local.evil.com/x'],
    ['line://app/123', undefined],
    ['javascript:alert(1)', undefined],
  ])('maps %s to %s', (url, expected) => {
    expect(mapUrl(url)).toBe(expected);
  });
});

describe('renderMessage', () => {
  it('escapes text, keeping line breaks for the page to show', () => {
    const html = renderMessage({ type: 'text', text: 'สวัสดีค่ะ <script>alert(1)</script>\nบรรทัดสอง' }, mapUrl);
    expect(html).toContain('สวัสดีค่ะ &lt;script&gt;alert(1)&lt;/script&gt;\nบรรทัดสอง');
    expect(html).not.toContain('<script>');
  });

  it('links URLs in text, opening those on the local public origin from the page’s own origin', () => {
    const html = renderMessage(
      { type: 'text', text: 'ลิงก์: https://ita-line.local/s/abc?c=line.\nITAS (https://itas.nacc.go.th/x)' },
      mapUrl,
    );
    expect(html).toContain(
      '<a href="/s/abc?c=line" target="_blank" rel="noopener">https://ita-line.local/s/abc?c=line</a>.',
    );
    expect(html).toContain(
      '(<a href="https://itas.nacc.go.th/x" target="_blank" rel="noopener">https://itas.nacc.go.th/x</a>)',
    );
  });

  it('loads images sent on the local public origin from the page’s own origin', () => {
    const html = renderMessage(
      {
        type: 'image',
        originalContentUrl: 'https://ita-line.local/qr/x.png',
        previewImageUrl: 'https://ita-line.local/qr/x.png?size=240',
      },
      mapUrl,
    );
    expect(html).toContain('src="/qr/x.png?size=240"');
    expect(html).toContain('href="/qr/x.png"');
  });

  it('draws a buttons template with one pressable button per action', () => {
    const html = renderMessage(
      {
        type: 'template',
        altText: 'เลือก',
        template: {
          type: 'buttons',
          title: 'งานข้อ 3',
          text: 'ทำเสร็จแล้วหรือยังคะ',
          actions: [
            { type: 'postback', label: 'เสร็จแล้ว', data: 'a=done&id=3', displayText: 'เสร็จแล้ว' },
            { type: 'message', label: 'ช่วยเหลือ', text: 'ช่วยเหลือ' },
            { type: 'uri', label: 'เปิดแผน', uri: 'https://ita-line.local/liff/plan' },
            { type: 'datetimepicker', label: 'เลือกวัน', data: 'a=pick', mode: 'date' },
          ],
        },
      },
      mapUrl,
    );
    expect(html).toContain('งานข้อ 3');
    expect(actionsIn(html)).toEqual([
      { kind: 'postback', data: 'a=done&id=3', label: 'เสร็จแล้ว', displayText: 'เสร็จแล้ว' },
      { kind: 'message', text: 'ช่วยเหลือ' },
      { kind: 'uri', uri: '/liff/plan' },
    ]);
    expect(html).toMatch(/<button[^>]* disabled title="ตัวจำลองยังไม่รองรับการเลือกวันเวลา">เลือกวัน/);
  });

  it('puts the two buttons of a confirm template side by side', () => {
    const html = renderMessage(
      {
        type: 'template',
        altText: 'ยืนยัน',
        template: {
          type: 'confirm',
          text: 'ส่งประกาศหรือไม่คะ',
          actions: [
            { type: 'postback', label: 'ส่ง', data: 'a=send' },
            { type: 'postback', label: 'ยกเลิก', data: 'a=cancel' },
          ],
        },
      },
      mapUrl,
    );
    expect(html).toContain('tp-actions tp-row');
    expect(actionsIn(html)).toHaveLength(2);
  });

  it('draws a Flex carousel of bubbles with header, body and footer, boxes, texts, buttons and separators', () => {
    const bubble = (name: string) => ({
      type: 'bubble',
      size: 'kilo',
      header: {
        type: 'box',
        layout: 'vertical',
        contents: [{ type: 'text', text: 'หัวเรื่อง', weight: 'bold' }],
      },
      body: {
        type: 'box',
        layout: 'vertical',
        spacing: 'sm',
        contents: [
          { type: 'text', text: name, size: 'xl', color: '#B3261E', wrap: true },
          { type: 'separator' },
          {
            type: 'box',
            layout: 'baseline',
            contents: [
              { type: 'text', text: 'IIT', flex: 2 },
              { type: 'filler' },
              { type: 'text', text: '63%', align: 'end' },
            ],
          },
          { type: 'spacer', size: 'md' },
        ],
      },
      footer: {
        type: 'box',
        layout: 'horizontal',
        contents: [
          { type: 'button', style: 'primary', action: { type: 'postback', label: 'ส่ง', data: 'a=s' } },
          {
            type: 'button',
            style: 'link',
            action: { type: 'uri', label: 'ดู', uri: 'https://ita-line.local/liff/' },
          },
        ],
      },
    });
    const html = renderMessage(
      {
        type: 'flex',
        altText: 'ติดตามงาน',
        contents: { type: 'carousel', contents: [bubble('ก'), bubble('ข')] },
      },
      mapUrl,
    );
    expect(html.match(/class="fx-bubble"/g)).toHaveLength(2);
    expect(html).toContain('class="fx-carousel"');
    expect(html).toContain('width:260px');
    expect(html).toMatch(/class="fx-text" style="[^"]*font-size:22px;color:#B3261E[^"]*white-space:pre-wrap/);
    expect(html).toMatch(/fx-box fx-baseline/);
    expect(html).toMatch(/class="fx-text" style="flex:2 1 0/);
    expect(html).toContain('text-align:end');
    expect(html).toContain('class="fx-separator"');
    expect(html).toContain('class="fx-filler"');
    expect(html).toContain('fx-button fx-primary');
    expect(html).toContain('fx-button fx-link');
    expect(actionsIn(html)).toContainEqual({ kind: 'uri', uri: '/liff/' });
    for (const block of ['header', 'body', 'footer']) expect(html).toContain(`fx-block fx-${block}`);
  });

  it('draws Flex images at their size and aspect ratio, centred by default, pressable when they carry an action', () => {
    const html = renderMessage(
      {
        type: 'flex',
        altText: 'QR',
        contents: {
          type: 'bubble',
          hero: {
            type: 'image',
            url: 'https://ita-line.local/qr/a.png',
            size: 'full',
            aspectRatio: '20:13',
            aspectMode: 'cover',
            action: { type: 'uri', label: 'เปิด', uri: 'https://ita-line.local/s/a' },
          },
          body: {
            type: 'box',
            layout: 'vertical',
            contents: [{ type: 'image', url: 'https://ita-line.local/qr/b.png' }],
          },
        },
      },
      mapUrl,
    );
    const [hero, body] = [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    expect(hero).toContain('src="/qr/a.png"');
    expect(hero).toMatch(/width:100%;max-width:100%;aspect-ratio:20\/13;object-fit:cover/);
    expect(actionsIn(hero ?? '')).toEqual([{ kind: 'uri', uri: '/s/a' }]);
    expect(body).toMatch(/align-self:center;width:100px/);
  });

  it('drops colours that are not LINE hex colours instead of writing them into CSS', () => {
    const html = renderMessage(
      {
        type: 'flex',
        altText: 'x',
        contents: {
          type: 'bubble',
          body: {
            type: 'box',
            layout: 'vertical',
            contents: [{ type: 'text', text: 'x', color: 'red;background:url(x)' }],
          },
        },
      },
      mapUrl,
    );
    expect(html).not.toContain('url(x)');
  });

  it('shows the alt text of a message type it does not draw', () => {
    expect(renderMessage({ type: 'imagemap', altText: 'แผนที่จังหวัด' }, mapUrl)).toContain('แผนที่จังหวัด');
  });
});

describe('renderQuickReply', () => {
  it('gives one button per quick-reply item, and nothing for a message without them', () => {
    const html = renderQuickReply(
      {
        type: 'text',
        text: 'เลือก',
        quickReply: {
          items: [
            { type: 'action', action: { type: 'message', label: 'ช่วยเหลือ', text: 'ช่วยเหลือ' } },
            { type: 'action', action: { type: 'postback', label: 'EIT', data: 'a=eit' } },
            { type: 'action', action: { type: 'location', label: 'ส่งตำแหน่ง' } },
          ],
        },
      },
      mapUrl,
    );
    expect(actionsIn(html ?? '')).toEqual([
      { kind: 'message', text: 'ช่วยเหลือ' },
      { kind: 'postback', data: 'a=eit', label: 'EIT' },
    ]);
    expect(html).toContain('disabled');
    expect(renderQuickReply({ type: 'text', text: 'x' }, mapUrl)).toBeUndefined();
  });
});

describe('pageActionOf', () => {
  it('says why a LINE-only action cannot be pressed', () => {
    expect(pageActionOf({ type: 'camera', label: 'ถ่ายรูป' }, mapUrl)).toEqual({
      why: expect.stringContaining('LINE'),
    });
    expect(pageActionOf({ type: 'uri', label: 'x', uri: 'line://nv/camera' }, mapUrl)).toEqual({
      why: expect.stringContaining('LINE'),
    });
  });
});
