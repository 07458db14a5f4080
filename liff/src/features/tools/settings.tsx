// Settings (coordinator, issue 14 §2): working hours, reminders, complaint limits and service levels, retention —
// each checked by the server with the app's own schema and audited — and the year's holidays, added or removed.
import { useState } from 'preact/hooks';
import { ok } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { toApiError, useLoad } from '../../lib/use-load.ts';
import { ErrorState, Loading } from '../../ui/states.tsx';

interface SettingRow {
  key: string;
  label: string;
  allowed: string;
  value: unknown;
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function parse(text: string, before: unknown): unknown {
  if (typeof before === 'string') return text.trim();
  try {
    return JSON.parse(text);
  } catch {
    return Array.isArray(before) ? text.split(',').map((p) => Number(p.trim())) : text;
  }
}

function SettingField({ row, onSaved }: { row: SettingRow; onSaved: () => void }) {
  const { api } = useSession();
  const [text, setText] = useState(show(row.value));
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>(undefined);
  const save = async () => {
    const res = await api.settings.$patch({ json: { values: { [row.key]: parse(text, row.value) } } });
    const body = (await res.json()) as { message?: string };
    setMessage(
      res.ok ? { text: 'บันทึกแล้ว', error: false } : { text: body.message ?? 'บันทึกไม่ได้', error: true },
    );
    if (res.ok) onSaved();
  };
  return (
    <div class="card">
      <label class="field">
        {row.label}{' '}
        <span class="muted small">
          ({row.key}; {row.allowed})
        </span>
        <input id={`setting-${row.key}`} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="row">
        <button type="button" class="secondary" disabled={text === show(row.value)} onClick={save}>
          บันทึก
        </button>
        {message !== undefined && (
          <span role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'muted small'}>
            {message.text}
          </span>
        )}
      </div>
    </div>
  );
}

function Holidays() {
  const { api } = useSession();
  const thisYearBe = new Date().getFullYear() + 543;
  const [year, setYear] = useState(thisYearBe);
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const days = useLoad(() => ok(api.settings.holidays.$get({ query: { year } })), [year]);
  const change = async (method: 'add' | 'remove', day: string) => {
    setFailure(undefined);
    try {
      const res =
        method === 'add'
          ? await api.settings.holidays.$post({ json: { date: day, name } })
          : await api.settings.holidays.$delete({ json: { date: day } });
      if (!res.ok) setFailure(((await res.json()) as { message?: string }).message ?? 'บันทึกไม่ได้');
      days.reload();
    } catch (error) {
      setFailure(toApiError(error).message);
    }
  };
  return (
    <section>
      <h2>วันหยุดราชการ</h2>
      <label class="field">
        ปี พ.ศ.
        <select
          id="holiday-year"
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
        >
          {[thisYearBe - 1, thisYearBe, thisYearBe + 1, thisYearBe + 2].map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {days.status === 'loading' && <Loading />}
      {days.status === 'error' && <ErrorState message={days.error.message} />}
      {days.status === 'ok' && (
        <div class="card">
          {days.data.yearBe > days.data.lastKnownYearBe && (
            <p role="alert">
              ระบบมีวันหยุดถึงปี {days.data.lastKnownYearBe}: โปรดเพิ่มวันหยุดของปี {days.data.yearBe}
            </p>
          )}
          <ul>
            {days.data.days.map((d) => (
              <li key={d.date}>
                {d.date} {d.name}
                {d.removed ? ' (ยกเลิกแล้ว)' : d.source === 'added' ? ' (เพิ่มเอง)' : ''}{' '}
                {!d.removed && (
                  <button type="button" class="link" onClick={() => change('remove', d.date)}>
                    ยกเลิก
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="card row">
        <label class="field grow">
          วันที่ (ค.ศ.)
          <input id="holiday-date" type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        <label class="field grow">
          ชื่อวันหยุด
          <input id="holiday-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button
          type="button"
          disabled={date === '' || name.trim() === ''}
          onClick={() => change('add', date)}
        >
          เพิ่มวันหยุด
        </button>
      </div>
      {failure !== undefined && <ErrorState message={failure} />}
    </section>
  );
}

export function SettingsPage() {
  const { api } = useSession();
  const settings = useLoad(() => ok(api.settings.$get()), []);
  return (
    <div>
      <p class="lead">ทุกการเปลี่ยนแปลงบันทึกไว้ในประวัติการใช้งาน (ผู้แก้ไข เวลา ค่าเดิม ค่าใหม่)</p>
      {settings.status === 'loading' && <Loading />}
      {settings.status === 'error' && <ErrorState message={settings.error.message} />}
      {settings.status === 'ok' &&
        settings.data.settings.map((row) => (
          <SettingField key={row.key} row={row} onSaved={settings.reload} />
        ))}
      <Holidays />
    </div>
  );
}
