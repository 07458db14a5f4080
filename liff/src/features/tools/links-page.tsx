// Survey links and targets (coordinator): each agency's ITAS link (https) and minimum per IIT/EIT.
import { useState } from 'preact/hooks';
import { ok } from '../../lib/api.ts';
import type { SurveyAgencyData } from '../../lib/api-types.ts';
import { useSession } from '../../lib/session.ts';
import { toApiError, useLoad } from '../../lib/use-load.ts';
import { ApiErrorState, Loading } from '../../ui/states.tsx';

type Row = SurveyAgencyData['instruments'][number];

function LinkForm({ agency, row, year }: { agency: SurveyAgencyData; row: Row; year: number }) {
  const { api } = useSession();
  const [url, setUrl] = useState(row.url ?? '');
  const [target, setTarget] = useState(row.target === null ? '' : String(row.target));
  const [said, setSaid] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const id = `${agency.agencyId}-${row.instrument}`;
  const save = async (event: Event) => {
    event.preventDefault();
    const targetNumber = target.trim() === '' ? null : Number(target);
    if (targetNumber !== null && (!Number.isInteger(targetNumber) || targetNumber <= 0)) {
      setSaid({ ok: false, text: 'เป้าหมายต้องเป็นจำนวนเต็มบวก หรือเว้นว่างเพื่อใช้เกณฑ์อัตโนมัติ' });
      return;
    }
    try {
      await ok(
        api.surveys[':agencyId'][':instrument'].$put({
          param: { agencyId: agency.agencyId, instrument: row.instrument },
          json: { url: url.trim() === '' ? null : url.trim(), target: targetNumber, year },
        }),
      );
      setSaid({ ok: true, text: 'บันทึกแล้ว' });
    } catch (error) {
      setSaid({ ok: false, text: toApiError(error).message });
    }
  };
  return (
    <form class="link-form" onSubmit={save}>
      <h3>{row.instrument}</h3>
      <label class="field" for={`${id}-url`}>
        ลิงก์แบบวัดจากระบบ ITAS
      </label>
      <input
        id={`${id}-url`}
        type="url"
        inputMode="url"
        value={url}
        placeholder="https://itas.nacc.go.th/…"
        onInput={(e) => setUrl(e.currentTarget.value)}
      />
      <div class="row">
        <label class="field grow">
          จำนวนผู้ตอบขั้นต่ำ {row.targetSource === 'auto' && <span class="muted small">(อัตโนมัติ)</span>}
          <input
            type="number"
            inputMode="numeric"
            min={1}
            value={target}
            onInput={(e) => setTarget(e.currentTarget.value)}
          />
        </label>
        <button type="submit">บันทึก</button>
      </div>
      {said !== undefined && (
        <p class={said.ok ? 'small up' : 'small weak'} role={said.ok ? 'status' : 'alert'}>
          {said.text}
        </p>
      )}
    </form>
  );
}

export function LinksPage() {
  const { api } = useSession();
  const [q, setQ] = useState('');
  const loaded = useLoad(() => ok(api.surveys.$get({ query: {} })), []);
  if (loaded.status === 'loading') return <Loading lines={8} />;
  if (loaded.status === 'error') return <ApiErrorState error={loaded.error} onRetry={loaded.reload} />;
  const shown = loaded.data.agencies.filter((a) => `${a.name} ${a.shortName ?? ''}`.includes(q.trim()));
  return (
    <div>
      <p class="lead">ปีงบประมาณ พ.ศ. {loaded.data.year} · เว้นเป้าหมายว่างเพื่อใช้เกณฑ์ขั้นต่ำอัตโนมัติ</p>
      <label class="field">
        ค้นหาหน่วยงาน
        <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      </label>
      {shown.map((a) => (
        <section key={a.agencyId} class="card" aria-label={a.name}>
          <h2 class="agency-name">{a.name}</h2>
          {a.instruments.map((row) => (
            <LinkForm key={row.instrument} agency={a} row={row} year={loaded.data.year} />
          ))}
        </section>
      ))}
    </div>
  );
}
