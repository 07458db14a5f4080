// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { levelTone } from '../../../../liff/src/features/scores/level-badge.tsx';
import { ScoreCard } from '../../../../liff/src/features/scores/score-card.tsx';
import { makeScorecard } from '../../fixtures.ts';
import { find, mount } from '../../support.ts';

describe('ScoreCard', () => {
  it('shows the total, the level badge, the change from last year and the ranks', () => {
    const root = mount(<ScoreCard card={makeScorecard()} />);
    expect(find(root, '[data-testid="total"]').textContent).toBe('87.46');
    expect(find(root, '.badge').textContent).toBe('ผ่าน');
    expect(find(root, '.badge').className).toContain('tone-pass');
    expect(find(root, '.change').textContent).toContain('เพิ่มขึ้น 1.23 คะแนน จากปี 2566');
    expect(root.textContent).toContain('อันดับ 3 จาก 28 หน่วยงานในจังหวัด');
    expect(root.textContent).toContain('อันดับ 2 จาก 12 ในส่วนราชการ');
  });

  it('draws the ten indicators on the radar and marks those under 85 as weak', () => {
    const root = mount(<ScoreCard card={makeScorecard()} />);
    const radar = find(root, 'svg.radar');
    expect(radar.querySelectorAll('text.radar-label')).toHaveLength(10);
    expect(radar.querySelectorAll('circle.radar-dot')).toHaveLength(10);
    // 79.5, 84.25 and 76.4 are below 85.
    expect(radar.querySelectorAll('circle.radar-dot.weak')).toHaveLength(3);
    expect(radar.getAttribute('aria-label')).toContain('ตัวชี้วัดที่ 9 ตัวชี้วัดทดสอบ 9: 76.40');
  });

  it('lists weak items under their topic with the suggested measures, and skips topics without any', () => {
    const root = mount(<ScoreCard card={makeScorecard()} />);
    const topics = root.querySelectorAll('.topic');
    expect(topics).toHaveLength(1);
    expect(topics[0]?.querySelector('h3')?.textContent).toBe('ประเด็นที่ 4: การเปิดเผยข้อมูล');
    expect(topics[0]?.textContent).toContain('o12');
    expect(topics[0]?.querySelector('summary')?.textContent).toBe('มาตรการที่แนะนำ (1)');
    expect(topics[0]?.textContent).toContain('เผยแพร่แผนจัดซื้อจัดจ้างบนเว็บไซต์');
  });

  it('says what the next level needs and which instrument falls short', () => {
    const root = mount(<ScoreCard card={makeScorecard()} />);
    expect(root.textContent).toContain('เพื่อให้ได้ระดับ ผ่านดี');
    const oit = [...root.querySelectorAll('#sc-next ~ div tr')].find((r) => r.textContent?.startsWith('OIT'));
    expect(oit?.querySelector('td.weak')?.textContent).toBe('85.00');
  });

  it('shows a trend only with more than one year, and a decline in the change line', () => {
    const card = makeScorecard({
      trend: [{ year: 2567, total: 87.46, totalDisplay: '87.46', level: 'ผ่าน' }],
      change: { previousYear: 2566, total: -0.5, totalDisplay: '-0.50', level: 'ผ่านดี' },
    });
    const root = mount(<ScoreCard card={card} />);
    expect(root.querySelector('svg.trend')).toBeNull();
    expect(find(root, '.change').className).toContain('down');
    expect(find(root, '.change').textContent).toContain('ลดลง 0.50 คะแนน จากปี 2566');
  });

  it('says there is nothing to compare with when last year has no total', () => {
    const root = mount(<ScoreCard card={makeScorecard({ change: null, whatItTakes: null })} />);
    expect(root.textContent).toContain('ยังไม่มีผลปีก่อนให้เปรียบเทียบ');
    expect(root.textContent).toContain('อยู่ในระดับสูงสุดแล้ว');
  });
});

describe('levelTone', () => {
  it('maps both level schemes to tones', () => {
    expect(
      ['AA', 'ผ่านดีเยี่ยม', 'A', 'ผ่าน', 'B', 'ต้องปรับปรุง', 'F', 'ต้องปรับปรุงโดยด่วน', null].map(levelTone),
    ).toEqual(['good', 'good', 'pass', 'pass', 'warn', 'warn', 'bad', 'bad', 'none']);
  });
});
