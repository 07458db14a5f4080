// The agency score card: total and level, change, ranks, instruments, radar, trend, weak topics, next level.
import { formatScore } from '../../../../core/round.ts';
import type { ScorecardData } from '../../lib/api-types.ts';
import { AfterPaint } from '../../ui/after-paint.tsx';
import { LevelBadge } from './level-badge.tsx';
import { RadarChart } from './radar-chart.tsx';
import { TrendChart } from './trend-chart.tsx';
import { WeakTopics } from './weak-topics.tsx';

const show = (x: number | null) => (x === null ? '—' : formatScore(x));

function Change({ change }: { change: ScorecardData['change'] }) {
  if (change === null || change.total === null) {
    return <p class="muted">ยังไม่มีผลปีก่อนให้เปรียบเทียบ</p>;
  }
  const tone = change.total > 0 ? 'up' : change.total < 0 ? 'down' : 'same';
  const word = change.total > 0 ? 'เพิ่มขึ้น' : change.total < 0 ? 'ลดลง' : 'เท่าเดิม';
  return (
    <p class={`change ${tone}`}>
      {/* The word says which way; the amount has no sign (ลดลง 1.17 คะแนน). */}
      {word} {change.total === 0 ? '' : `${formatScore(Math.abs(change.total))} คะแนน `}จากปี{' '}
      {change.previousYear}
      {change.level !== null && <span class="muted"> (ปีก่อน: {change.level})</span>}
    </p>
  );
}

function NextLevel({ plan }: { plan: ScorecardData['whatItTakes'] }) {
  if (plan === null) return <p class="muted">หน่วยงานอยู่ในระดับสูงสุดแล้ว ควรรักษามาตรฐานไว้</p>;
  return (
    <div>
      <p>
        เพื่อให้ได้ระดับ <strong>{plan.target.label}</strong> ต้องได้คะแนนรวมอย่างน้อย{' '}
        {formatScore(plan.total.threshold)}{' '}
        {plan.total.gap > 0 ? `(ขาดอีก ${formatScore(plan.total.gap)} คะแนน)` : '(คะแนนรวมถึงแล้ว)'}
      </p>
      {!plan.reachable && <p class="weak">แม้ทุกแบบวัดได้เต็ม 100 ก็ยังไม่ถึงระดับนี้ในปีนี้</p>}
      <table>
        <thead>
          <tr>
            <th>แบบวัด</th>
            <th class="num">ตอนนี้</th>
            <th class="num">ควรได้</th>
          </tr>
        </thead>
        <tbody>
          {plan.instruments.map((i) => (
            <tr key={i.code}>
              <td>{i.code}</td>
              <td class="num">{formatScore(i.current)}</td>
              <td class={`num ${i.gap > 0 ? 'weak' : ''}`}>{formatScore(i.needed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The one weakness of core weaknessOf: instruments and indicators below 85, the level's reason, the item count. */
function Weakness({ card }: { card: ScorecardData }) {
  const { weakness } = card;
  const parts = [
    ...weakness.instruments.map((w) => `${w.code} ${formatScore(w.score)}`),
    ...weakness.indicators.map((w) => `ตัวชี้วัดที่ ${w.id} ${w.name} ${formatScore(w.score)}`),
  ];
  return (
    <div class="weakness">
      {weakness.levelReason !== null && <p>{weakness.levelReason}</p>}
      {parts.length > 0 && (
        <ul data-testid="weak-parts">
          {parts.map((p) => (
            <li key={p} class="weak">
              {p}
            </li>
          ))}
        </ul>
      )}
      {!weakness.none && (
        <p class="muted">
          {card.weakCount > 0
            ? `ข้อคำถามที่ต่ำกว่า 85 คะแนน ${card.weakCount} ข้อ (ตามประเด็นด้านล่าง)`
            : 'ยังไม่มีคะแนนรายข้อของปีนี้ จึงแสดงจุดอ่อนตามแบบวัดและตัวชี้วัด'}
        </p>
      )}
    </div>
  );
}

export function ScoreCard({ card }: { card: ScorecardData }) {
  return (
    <div class="score-card">
      <section class="card" aria-labelledby="sc-total">
        <h2 id="sc-total" class="agency-name">
          {card.agency.name}
        </h2>
        <p class="muted">
          {card.agency.typeLabel}
          {card.agency.district !== null && ` · อำเภอ${card.agency.district}`} · ปีงบประมาณ พ.ศ. {card.year}
        </p>
        {card.frameworkNotice !== null && (
          <p class="muted small" data-testid="framework-notice">
            {card.frameworkNotice}
          </p>
        )}
        {card.inventedNotice !== null && (
          <p class="muted small" data-testid="invented-notice">
            {card.inventedNotice}
          </p>
        )}
        <div class="total">
          <strong data-testid="total">{card.totalDisplay ?? '—'}</strong>
          <LevelBadge level={card.level} />
        </div>
        {card.missing.length > 0 && <p class="muted">ยังคำนวณคะแนนรวมไม่ได้ ขาด: {card.missing.join(', ')}</p>}
        <Change change={card.change} />
        {(card.rank.national !== null || card.rank.inGroup !== null) && (
          <p>
            {card.rank.national !== null && `อันดับ ${card.rank.national} ของประเทศ`}
            {card.rank.national !== null && card.rank.inGroup !== null && ' · '}
            {card.rank.inGroup !== null && `อันดับ ${card.rank.inGroup} ในกลุ่มหน่วยงานประเภทเดียวกัน`}
            <span class="muted"> (ตามที่ สำนักงาน ป.ป.ช. ประกาศ)</span>
          </p>
        )}
        {card.rank.province !== null && (
          <p>
            อันดับ {card.rank.province.rank} จาก {card.rank.province.of} หน่วยงานในจังหวัด
            {card.rank.type !== null &&
              ` · อันดับ ${card.rank.type.rank} จาก ${card.rank.type.of} ใน${card.rank.type.typeLabel}`}
          </p>
        )}
      </section>
      <section class="card" aria-labelledby="sc-inst">
        <h2 id="sc-inst">แบบวัด 3 แบบ</h2>
        <table>
          <tbody>
            {card.instruments.map((i) => (
              <tr key={i.code}>
                <td>
                  <strong>{i.code}</strong> <span class="muted small">{i.name}</span>
                </td>
                <td class={`num ${card.weakness.instruments.some((w) => w.code === i.code) ? 'weak' : ''}`}>
                  {show(i.score)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {/* Below the first screen on a phone: built once the total and instruments are painted. */}
      <AfterPaint>
        <section class="card" aria-labelledby="sc-radar">
          <h2 id="sc-radar">ตัวชี้วัด 10 ตัว</h2>
          <RadarChart
            values={card.indicators.map((i) => ({ label: i.code, title: i.title, value: i.score }))}
          />
          <ol class="indicator-list">
            {card.indicators.map((i) => (
              <li key={i.id}>
                <span>
                  {i.code}. {i.title}
                </span>
                <span class={`num ${card.weakness.indicators.some((w) => w.id === i.id) ? 'weak' : ''}`}>
                  {show(i.score)}
                </span>
              </li>
            ))}
          </ol>
        </section>
        {card.trend.length > 1 && (
          <section class="card" aria-labelledby="sc-trend">
            <h2 id="sc-trend">แนวโน้มคะแนนรวม</h2>
            <TrendChart rows={card.trend} />
          </section>
        )}
        <section class="card" aria-labelledby="sc-weak">
          <h2 id="sc-weak">จุดที่ได้คะแนนต่ำกว่า 85</h2>
          <Weakness card={card} />
          <WeakTopics topics={card.weakTopics} none={card.weakness.none} />
        </section>
        <section class="card" aria-labelledby="sc-next">
          <h2 id="sc-next">ต้องทำอย่างไรจึงจะขึ้นระดับถัดไป</h2>
          <NextLevel plan={card.whatItTakes} />
        </section>
      </AfterPaint>
    </div>
  );
}
