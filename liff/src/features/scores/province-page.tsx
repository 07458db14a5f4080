// Province overview: every agency ranked with its level, the level distribution, filters and search.
import { useMemo, useState } from 'preact/hooks';
import { type Api, ok } from '../../lib/api.ts';
import type { ProvinceData, ProvinceRow } from '../../lib/api-types.ts';
import { hrefOf } from '../../lib/router.ts';
import { useSession } from '../../lib/session.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useYearParam } from '../../lib/use-year-param.ts';
import type { PageProps } from '../../ui/lazy-page.tsx';
import { ApiErrorState, Empty, Loading } from '../../ui/states.tsx';
import { YearSelect } from '../../ui/year-select.tsx';
import { LevelBadge, levelTone } from './level-badge.tsx';

export interface Filters {
  type: string;
  district: string;
  q: string;
}

/** The rows a person asked for: type and district exactly, the search anywhere in the name or short name. */
function filterRows(rows: readonly ProvinceRow[], f: Filters): ProvinceRow[] {
  const q = f.q.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (f.type === '' || r.type === f.type) &&
      (f.district === '' || r.district === f.district) &&
      (q === '' || `${r.name} ${r.shortName ?? ''}`.toLowerCase().includes(q)),
  );
}

function Distribution({ data }: { data: ProvinceData }) {
  const total = data.agencies.length || 1;
  return (
    <section class="card" aria-labelledby="dist">
      <h2 id="dist">การกระจายระดับผลการประเมิน</h2>
      <ul class="distribution">
        {data.levels.map((l) => (
          <li key={l.code}>
            <span class="dist-label">{l.label}</span>
            <span class="dist-bar" aria-hidden="true">
              <span class={`tone-${levelTone(l.code)}`} style={{ width: `${(l.count / total) * 100}%` }} />
            </span>
            <span class="num">{l.count}</span>
          </li>
        ))}
        {data.unscored > 0 && (
          <li>
            <span class="dist-label">ยังไม่มีคะแนน</span>
            <span class="dist-bar" aria-hidden="true" />
            <span class="num">{data.unscored}</span>
          </li>
        )}
      </ul>
    </section>
  );
}

function Row({ row, year }: { row: ProvinceRow; year: number }) {
  return (
    <li>
      {/* The card opens on the year of the list it was chosen from. */}
      <a class="agency-row" href={hrefOf(`agency/${encodeURIComponent(row.id)}?year=${year}`)}>
        <span class="rank">{row.rank ?? '–'}</span>
        <span class="agency-main">
          <span class="agency-title">{row.shortName ?? row.name}</span>
          <span class="muted small">
            {row.typeLabel}
            {row.district !== null && ` · ${row.district}`}
          </span>
        </span>
        <span class="agency-score">
          <strong>
            {row.totalDisplay ?? '—'}
            {row.invented && <abbr title="คะแนนสมมุติของระบบสาธิต">*</abbr>}
          </strong>
          {row.changeDisplay !== null && (
            <span class={`small ${(row.change ?? 0) < 0 ? 'down' : 'up'}`}>{row.changeDisplay}</span>
          )}
          <LevelBadge level={row.level} />
        </span>
      </a>
    </li>
  );
}

/** The province's overview for `year` (undefined: the year the server picks). */
export function loadProvince(api: Api, year: number | undefined) {
  return ok(api.province.$get({ query: year === undefined ? {} : { year } }));
}

export function ProvincePage({ first }: PageProps) {
  const { api } = useSession();
  const [year, setYear] = useYearParam();
  const [filters, setFilters] = useState<Filters>({ type: '', district: '', q: '' });
  const loaded = useLoad(
    () => loadProvince(api, year),
    [year],
    first as Awaited<ReturnType<typeof loadProvince>> | undefined,
  );
  const rows = useMemo(
    () => (loaded.data === undefined ? [] : filterRows(loaded.data.agencies, filters)),
    [loaded.data, filters],
  );
  const set = (key: keyof Filters) => (e: { currentTarget: { value: string } }) =>
    setFilters({ ...filters, [key]: e.currentTarget.value });

  if (loaded.status === 'loading') return <Loading lines={8} />;
  if (loaded.status === 'error') return <ApiErrorState error={loaded.error} onRetry={loaded.reload} />;
  const data = loaded.data;
  const shown = data.year;
  if (shown === null)
    return <Empty>ยังไม่มีผลคะแนน ITA ของ{data.provinceName} ผู้ประสานงานนำเข้าได้ที่เมนูเครื่องมือ</Empty>;
  return (
    <div>
      <p class="lead">
        {data.provinceName} · ปีงบประมาณ พ.ศ. {data.year} · {data.agencies.length} หน่วยงาน
      </p>
      {data.frameworkNotice !== null && (
        <p class="muted small" data-testid="framework-notice">
          {data.frameworkNotice}
        </p>
      )}
      {data.inventedNotice !== null && (
        <p class="muted small" data-testid="invented-notice">
          {data.inventedNotice}
        </p>
      )}
      <YearSelect year={shown} years={data.years} onYear={setYear} />
      <Distribution data={data} />
      <section class="card filters" aria-label="ตัวกรอง">
        <label class="field">
          ค้นหาหน่วยงาน
          <input type="search" value={filters.q} onInput={set('q')} placeholder="พิมพ์ชื่อหน่วยงาน" />
        </label>
        <div class="row">
          <label class="field grow">
            ประเภท
            <select value={filters.type} onChange={set('type')}>
              <option value="">ทุกประเภท</option>
              {data.types.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label} ({t.count})
                </option>
              ))}
            </select>
          </label>
          <label class="field grow">
            อำเภอ
            <select value={filters.district} onChange={set('district')}>
              <option value="">ทุกอำเภอ</option>
              {data.districts.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>
      {rows.length === 0 ? (
        <Empty>ไม่พบหน่วยงานตามเงื่อนไขนี้ ลองล้างคำค้นหรือเลือก "ทุกประเภท"</Empty>
      ) : (
        <ol class="ranked" aria-label="อันดับหน่วยงาน">
          {rows.map((r) => (
            <Row key={r.id} row={r} year={shown} />
          ))}
        </ol>
      )}
    </div>
  );
}
