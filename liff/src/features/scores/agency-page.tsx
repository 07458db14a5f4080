// The agency score card page: loads /api/agencies/:id/scorecard for the chosen year.
import { type Api, ok } from '../../lib/api.ts';
import { hrefOf } from '../../lib/router.ts';
import { useSession } from '../../lib/session.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useYearParam } from '../../lib/use-year-param.ts';
import type { PageProps } from '../../ui/lazy-page.tsx';
import { ApiErrorState, Loading } from '../../ui/states.tsx';
import { YearSelect } from '../../ui/year-select.tsx';
import { ScoreCard } from './score-card.tsx';

/** The agency's two OIT reports for the card's year — for its ITA staff and the coordinators, who may open them. */
function OitReports({ agencyId, year }: { agencyId: string; year: number }) {
  const { me } = useSession();
  if (!me.isCoordinator && !me.staffAgencyIds.includes(agencyId)) return null;
  const id = encodeURIComponent(agencyId);
  return (
    <section class="card" aria-labelledby="sc-reports">
      <h2 id="sc-reports">รายงานสำหรับเผยแพร่ใน OIT</h2>
      <ul class="link-list">
        <li>
          <a href={hrefOf(`reports/analysis/${id}/${year}`)}>รายงานการวิเคราะห์ผลการประเมิน ปี {year}</a>
        </li>
        <li>
          <a href={hrefOf(`reports/measures/${id}/${year}`)}>รายงานผลการดำเนินการตามมาตรการ ปี {year}</a>
        </li>
      </ul>
    </section>
  );
}

/** The agency's card for `year` (undefined: the year the server picks). */
export function loadScorecard(api: Api, id: string, year: number | undefined) {
  return ok(api.agencies[':id'].scorecard.$get({ param: { id }, query: year === undefined ? {} : { year } }));
}

export function AgencyPage({ params, first }: PageProps) {
  const { api } = useSession();
  const id = params.id ?? '';
  const [year, setYear] = useYearParam();
  const loaded = useLoad(
    () => loadScorecard(api, id, year),
    [id, year],
    first as Awaited<ReturnType<typeof loadScorecard>> | undefined,
  );
  if (loaded.status === 'loading') return <Loading lines={10} />;
  if (loaded.status === 'error') return <ApiErrorState error={loaded.error} onRetry={loaded.reload} />;
  const card = loaded.data;
  return (
    <div>
      <YearSelect year={card.year} years={card.years} onYear={setYear} />
      <ScoreCard card={card} />
      <OitReports agencyId={id} year={card.year} />
    </div>
  );
}
