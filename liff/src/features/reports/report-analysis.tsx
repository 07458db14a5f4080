// The analysis report on the page (seed 003's layout): result, instruments, indicators, the seven topics with
// their items, findings and measures; every prose field becomes editable in the edit step.
import { useContext } from 'preact/hooks';
import type { AnalysisReport, ReportMeasure, TopicAnalysis } from '../../../../core/reports/index.ts';
import { type ChartedAnalysis, ReportChart } from './report-charts.tsx';
import {
  changeText,
  Editable,
  ReportViewContext,
  SourceNotes,
  scoreText,
  Text,
  useDigits,
} from './report-text.tsx';

interface Props {
  report: ChartedAnalysis;
  onChange(report: ChartedAnalysis): void;
}

function Overall({ report }: { report: AnalysisReport }) {
  const t = useDigits();
  const { overall } = report;
  return (
    <ul>
      <li>{t(`ผลคะแนน ${scoreText(overall.score)}`)}</li>
      {overall.level !== undefined && <li>ระดับ {overall.level.label}</li>}
      {overall.rankInProvince !== undefined && (
        <li>
          {t(
            `ผลการประเมินระดับจังหวัด ลำดับที่ ${overall.rankInProvince} จาก ${overall.rankedInProvince ?? '–'} หน่วยงาน`,
          )}
        </li>
      )}
      {overall.change !== undefined && (
        <li>
          {t(`เปลี่ยนแปลงจากปี พ.ศ. ${overall.previousFiscalYear ?? ''} ${changeText(overall.change)} คะแนน`)}
        </li>
      )}
    </ul>
  );
}

function Figures({ report }: { report: ChartedAnalysis }) {
  const t = useDigits();
  return (
    <>
      <h2>ผลการประเมินรายเครื่องมือ</h2>
      <table>
        <tbody>
          {report.instruments.map((line) => (
            <tr key={line.instrument}>
              <td>{`${line.name} (${line.instrument})`}</td>
              <td class="num">{t(scoreText(line.score))}</td>
              <td class="num">{t(changeText(line.change))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ReportChart report={report} id="year-on-year" />
      <h2>ผลการประเมินรายตัวชี้วัด</h2>
      <table>
        <tbody>
          {report.indicators.map((line) => (
            <tr key={line.id}>
              <td class="num">{t(String(line.id))}</td>
              <td>{line.name}</td>
              <td class={(line.score ?? 100) < report.weakThreshold ? 'num weak' : 'num'}>
                {t(scoreText(line.score))}
              </td>
              <td class="num">{t(changeText(line.change))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ReportChart report={report} id="against-threshold" />
    </>
  );
}

function Measure({
  measure,
  onChange,
  onRemove,
}: {
  measure: ReportMeasure;
  onChange(m: ReportMeasure): void;
  onRemove(): void;
}) {
  const { editing } = useContext(ReportViewContext);
  const t = useDigits();
  return (
    <div class="report-measure">
      <strong>
        <Editable
          label="มาตรการ/กิจกรรม"
          short
          value={measure.title}
          onChange={(title) => onChange({ ...measure, title })}
        />
      </strong>
      {editing ? (
        <Editable
          label="ขั้นตอนและวิธีการปฏิบัติ (บรรทัดละหนึ่งขั้นตอน)"
          value={measure.steps.join('\n')}
          onChange={(text) => onChange({ ...measure, steps: text.split('\n') })}
        />
      ) : (
        <ul class="steps">
          {measure.steps.map((step) => (
            <li key={step}>{t(step)}</li>
          ))}
        </ul>
      )}
      <div class="muted">
        ผู้รับผิดชอบ:{' '}
        <Editable
          label="ผู้รับผิดชอบ"
          short
          value={measure.owner}
          onChange={(owner) => onChange({ ...measure, owner })}
        />
      </div>
      <div class="muted">
        ระยะเวลา:{' '}
        <Editable
          label="ระยะเวลาดำเนินการ"
          short
          value={measure.periodText}
          onChange={(periodText) => onChange({ ...measure, periodText })}
        />
      </div>
      {editing && (
        <button type="button" class="secondary" onClick={onRemove}>
          ไม่ใช้มาตรการนี้
        </button>
      )}
    </div>
  );
}

function Topic({ topic, onChange }: { topic: TopicAnalysis; onChange(topic: TopicAnalysis): void }) {
  const { editing } = useContext(ReportViewContext);
  const t = useDigits();
  const setMeasures = (measures: ReportMeasure[]) => onChange({ ...topic, measures });
  const blank: ReportMeasure = {
    id: `custom-${topic.id}-${topic.measures.length + 1}`,
    title: 'มาตรการใหม่',
    steps: ['ขั้นตอนที่ 1'],
    owner: 'ผู้รับผิดชอบ',
    period: { startMonth: 1, endMonth: 12 },
    periodText: 'ตลอดปีงบประมาณ',
  };
  return (
    <section class="report-topic">
      <h3>{t(`${topic.id}. ${topic.title}`)}</h3>
      <div class="muted">หัวข้อที่ใช้ในการวิเคราะห์</div>
      <ul>
        {topic.weakParts.map((part) => (
          <li key={part} class="weak">
            {t(part)}
          </li>
        ))}
        {topic.items.length === 0 && topic.weakParts.length === 0 && (
          <li class="muted">ไม่มีข้อที่ได้คะแนนต่ำกว่า 85 คะแนน</li>
        )}
        {topic.items.map((item) => (
          <li key={item.code} class={item.weak ? 'weak' : undefined}>
            {t(
              item.score === undefined
                ? `${item.code} ${item.title}`
                : `${item.code} ${item.title} (${scoreText(item.score)})`,
            )}
          </li>
        ))}
      </ul>
      <div class="muted">ผลการวิเคราะห์</div>
      <p>
        <Editable
          label={`ผลการวิเคราะห์ หัวข้อ ${topic.id}`}
          value={topic.findings}
          onChange={(findings) => onChange({ ...topic, findings })}
        />
      </p>
      <div class="muted">มาตรการ/กิจกรรม</div>
      {topic.measures.map((m, i) => (
        <Measure
          key={m.id}
          measure={m}
          onChange={(next) => setMeasures(topic.measures.map((x, j) => (j === i ? next : x)))}
          onRemove={() => setMeasures(topic.measures.filter((_, j) => j !== i))}
        />
      ))}
      {editing && (
        <button type="button" class="secondary" onClick={() => setMeasures([...topic.measures, blank])}>
          เพิ่มมาตรการ
        </button>
      )}
    </section>
  );
}

export function AnalysisSheet({ report, onChange }: Props) {
  const set = (patch: Partial<ChartedAnalysis>) => onChange({ ...report, ...patch });
  return (
    <article class="report-sheet">
      <h1>
        <Editable label="ชื่อรายงาน" value={report.title} onChange={(title) => set({ title })} />
      </h1>
      <SourceNotes report={report} />
      <p>
        <Editable label="บทนำ" value={report.intro} onChange={(intro) => set({ intro })} />
      </p>
      <h2>
        <Text value={`ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${report.fiscalYear}`} />
      </h2>
      <Overall report={report} />
      <Figures report={report} />
      <h2>{report.keepsStandard ? 'หน่วยงานรักษามาตรฐานผลการประเมิน' : 'สรุปผลการประเมิน'}</h2>
      <p>
        <Editable label="สรุปผลการประเมิน" value={report.summary} onChange={(summary) => set({ summary })} />
      </p>
      <h3>เกณฑ์ระดับผลการประเมิน</h3>
      <ul>
        {report.levelCriteria.map((line) => (
          <li key={line}>
            <Text value={line} />
          </li>
        ))}
      </ul>
      {(['IIT', 'EIT', 'OIT'] as const).map((k) => (
        <div key={k}>
          <h3>ข้อเสนอแนะสำหรับแบบวัด {k}</h3>
          <Editable
            label={`ข้อเสนอแนะ ${k}`}
            value={report.recommendations[k]}
            onChange={(text) => set({ recommendations: { ...report.recommendations, [k]: text } })}
          />
        </div>
      ))}
      <h2>
        <Text value={`การวิเคราะห์ผลการประเมินเพื่อกำหนดมาตรการ ประจำปีงบประมาณ พ.ศ. ${report.measuresYear}`} />
      </h2>
      {report.topics.map((topic, i) => (
        <Topic
          key={topic.id}
          topic={topic}
          onChange={(next) => set({ topics: report.topics.map((x, j) => (j === i ? next : x)) })}
        />
      ))}
    </article>
  );
}
