// A score result as people read it: total and level, the three instruments, ten indicators, weak items.
import {
  formatScore,
  INDICATOR_IDS,
  INDICATOR_NAMES,
  INSTRUMENT_NAMES,
  INSTRUMENTS,
  type IndicatorId,
  type ScoreResult,
  topicTitle,
} from '../../../core/index.ts';

const show = (x: number | undefined) => (x === undefined ? '—' : formatScore(x));

export function ScoreSummary({ result }: { result: ScoreResult }) {
  return (
    <section aria-label="ผลคะแนน">
      <div class="card">
        <div class="muted">ปีงบประมาณ พ.ศ. {result.fiscalYear}</div>
        <div class="total">
          <strong>{result.totalDisplay ?? '—'}</strong>
          {result.level !== undefined && <span class="badge">{result.level.label}</span>}
        </div>
        {result.missing.length > 0 && (
          <p class="muted">ยังคำนวณคะแนนรวมไม่ได้ ขาด: {result.missing.join(', ')}</p>
        )}
      </div>
      <div class="card">
        <h2>แบบวัด</h2>
        <table>
          <thead>
            <tr>
              <th>แบบวัด</th>
              <th class="num">คะแนน</th>
              <th class="num">ถ่วงน้ำหนัก</th>
            </tr>
          </thead>
          <tbody>
            {INSTRUMENTS.map((inst) => (
              <tr key={inst}>
                <td>{INSTRUMENT_NAMES[inst]}</td>
                <td class="num">{show(result.instruments[inst])}</td>
                <td class="num">{show(result.weighted[inst])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="card">
        <h2>ตัวชี้วัด</h2>
        <table>
          <tbody>
            {INDICATOR_IDS.map((id: IndicatorId) => (
              <tr key={id}>
                <td>
                  {id}. {INDICATOR_NAMES[id]}
                </td>
                <td class={`num ${(result.indicators[id] ?? 100) < 85 ? 'weak' : ''}`}>
                  {show(result.indicators[id])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="card">
        <h2>ข้อที่ต่ำกว่า 85 คะแนน ({result.weakItems.length} ข้อ)</h2>
        {result.weakItems.length === 0 ? (
          <p class="muted">ไม่มีข้อที่ต่ำกว่าเกณฑ์ หน่วยงานควรรักษามาตรฐานไว้</p>
        ) : (
          <table>
            <tbody>
              {result.weakItems.map((item) => (
                <tr key={item.code}>
                  <td>
                    <strong>{item.code}</strong> {item.title}
                    {item.topic !== undefined && <div class="muted">ประเด็น: {topicTitle(item.topic)}</div>}
                  </td>
                  <td class="num weak">{formatScore(item.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
