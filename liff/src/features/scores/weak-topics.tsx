// Weak items grouped under the seven analysis topics, each topic with its suggested measures (folded).
import { formatScore } from '../../../../core/round.ts';
import type { ScorecardData } from '../../lib/api-types.ts';

export function WeakTopics({ topics, none }: { topics: ScorecardData['weakTopics']; none: boolean }) {
  const withItems = topics.filter((t) => t.items.length > 0);
  if (withItems.length === 0) {
    return none ? <p class="muted">ไม่มีจุดที่ต่ำกว่าเกณฑ์ หน่วยงานควรรักษามาตรฐานไว้</p> : null;
  }
  return (
    <div class="weak-topics">
      {withItems.map((topic) => (
        <div key={topic.id} class="topic">
          <h3>
            ประเด็นที่ {topic.id}: {topic.title}
          </h3>
          <ul class="items">
            {topic.items.map((item) => (
              <li key={item.code}>
                <span>
                  <strong>{item.code}</strong> {item.title}
                </span>
                <span class="num weak">{formatScore(item.score)}</span>
              </li>
            ))}
          </ul>
          {topic.measures.length > 0 && (
            <details>
              <summary>มาตรการที่แนะนำ ({topic.measures.length})</summary>
              <ul class="measures">
                {topic.measures.map((m) => (
                  <li key={m.id}>
                    <strong>{m.title}</strong>
                    <ol>
                      {m.steps.map((s) => (
                        <li key={s}>{s}</li>
                      ))}
                    </ol>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      ))}
    </div>
  );
}
