// Score calculator: paste or open a score file (the CLI's JSON/CSV format) and see the result from core/.
import { useState } from 'preact/hooks';
import { formatOfFileName, parseScoreFile, type ScoreResult, score } from '../../../core/index.ts';
import { ScoreSummary } from '../components/score-summary.tsx';

const EXAMPLE = ['fiscal_year,2567', 'IIT,96.50', 'EIT,88.20', 'OIT,91.00'].join('\n');

type Outcome = { result: ScoreResult } | { errors: string[] };

/** Parses then scores, turning every problem into a Thai line that names the line or field. */
export function scoreText(text: string, format: 'json' | 'csv'): Outcome {
  const parsed = parseScoreFile(text, format);
  if (!parsed.ok) {
    return {
      errors: parsed.errors.map((e) => [e.line && `บรรทัด ${e.line}`, e.message].filter(Boolean).join(': ')),
    };
  }
  const scored = score(parsed.input);
  if (!scored.ok) return { errors: scored.errors.map((e) => `${e.field}: ${e.message}`) };
  return { result: scored.result };
}

function guessFormat(text: string): 'json' | 'csv' {
  return text.trimStart().startsWith('{') ? 'json' : 'csv';
}

export function CalculatorPage() {
  const [text, setText] = useState(EXAMPLE);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);

  const onFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (file === undefined) return;
    const content = await file.text();
    setText(content);
    setOutcome(scoreText(content, formatOfFileName(file.name) ?? guessFormat(content)));
  };

  return (
    <main>
      <h1>คำนวณคะแนน ITA</h1>
      <p class="lead">วางคะแนนรายข้อ รายตัวชี้วัด หรือรายแบบวัด (CSV หรือ JSON) แล้วกด "คำนวณ"</p>
      <div class="card">
        <label for="scores">คะแนน</label>
        <textarea
          id="scores"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          spellcheck={false}
        />
        <div class="row">
          <button type="button" onClick={() => setOutcome(scoreText(text, guessFormat(text)))}>
            คำนวณ
          </button>
          <label class="button secondary">
            เปิดไฟล์…
            <input type="file" accept=".csv,.json,text/csv,application/json" hidden onChange={onFile} />
          </label>
        </div>
        {outcome !== undefined && 'errors' in outcome && (
          <ul class="errors" role="alert">
            {outcome.errors.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      {outcome !== undefined && 'result' in outcome && <ScoreSummary result={outcome.result} />}
    </main>
  );
}
