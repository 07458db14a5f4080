// The searchable agency choice of the complaint form, with "ไม่ทราบ" for a reporter who does not know which
// agency is concerned (the province's complaint officers then take it).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ok } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { useLoad } from '../../lib/use-load.ts';
import { ErrorState } from '../../ui/states.tsx';
import type { FormState } from './form-model.ts';
import type { AgencyOption } from './types.ts';

const SHOWN = 8;
const DEBOUNCE_MS = 250;

interface Props {
  value: FormState['agency'];
  onChange(agency: FormState['agency']): void;
  error?: string;
}

export function AgencyPicker({ value, onChange, error }: Props) {
  const { api } = useSession();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useLoad(
    () => ok(api.complaints.agencies.$get({ query: query === '' ? {} : { q: query } })),
    [query],
  );
  // While a new search runs, the last answer stays on screen: the list does not blink at every key.
  const shownBefore = useRef<AgencyOption[]>([]);
  if (found.data !== undefined) shownBefore.current = found.data.agencies;
  const all = found.data?.agencies ?? shownBefore.current;
  const agencies = all.slice(0, SHOWN);
  const more = all.length - agencies.length;
  return (
    <fieldset class="complaint-fieldset" aria-describedby={error === undefined ? undefined : 'agency-error'}>
      <legend>หน่วยงานที่เกี่ยวข้อง</legend>
      {value !== undefined && (
        <p class="complaint-chosen">
          เลือกแล้ว: <strong>{value === null ? 'ไม่ทราบหน่วยงาน' : value.name}</strong>
        </p>
      )}
      <label class="field">
        ค้นหาชื่อหน่วยงาน
        <input
          type="search"
          value={typed}
          placeholder="เช่น เทศบาล โรงพยาบาล อำเภอ"
          onInput={(e) => setTyped(e.currentTarget.value)}
        />
      </label>
      {found.status === 'error' ? (
        <ErrorState message={found.error.message} onRetry={found.reload} />
      ) : (
        <ul class="complaint-options" aria-busy={found.status === 'loading'}>
          {agencies.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                class={value?.id === a.id ? 'option chosen' : 'option'}
                aria-pressed={value?.id === a.id}
                onClick={() => onChange({ id: a.id, name: a.nameTh })}
              >
                {a.nameTh}
              </button>
            </li>
          ))}
          {found.status === 'ok' && all.length === 0 && (
            <li class="muted">ไม่พบหน่วยงานชื่อนี้ ลองพิมพ์คำอื่น หรือเลือก "ไม่ทราบหน่วยงาน"</li>
          )}
          {more > 0 && <li class="muted small">และอีก {more} หน่วยงาน พิมพ์ชื่อเพื่อค้นหาให้แคบลง</li>}
          <li>
            <button
              type="button"
              class={value === null ? 'option chosen' : 'option'}
              aria-pressed={value === null}
              onClick={() => onChange(null)}
            >
              ไม่ทราบหน่วยงาน
            </button>
          </li>
        </ul>
      )}
      {error !== undefined && (
        <p id="agency-error" class="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
