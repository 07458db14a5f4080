// The agency score card page: loads /api/agencies/:id/scorecard for the chosen year.
import { useState } from 'preact/hooks';
import type { PageProps } from '../components/lazy-page.tsx';
import { ScoreCard } from '../components/score-card.tsx';
import { ApiErrorState, Loading } from '../components/states.tsx';
import { YearSelect } from '../components/year-select.tsx';
import { ok } from '../lib/api.ts';
import { useSession } from '../lib/session.ts';
import { useLoad } from '../lib/use-load.ts';

export function AgencyPage({ params }: PageProps) {
  const { api } = useSession();
  const id = params.id ?? '';
  const [year, setYear] = useState<number | undefined>(undefined);
  const loaded = useLoad(
    () =>
      ok(api.agencies[':id'].scorecard.$get({ param: { id }, query: year === undefined ? {} : { year } })),
    [id, year],
  );
  if (loaded.status === 'loading') return <Loading lines={10} />;
  if (loaded.status === 'error') return <ApiErrorState error={loaded.error} onRetry={loaded.reload} />;
  const card = loaded.data;
  return (
    <div>
      <YearSelect year={card.year} years={card.years} onYear={setYear} />
      <ScoreCard card={card} />
    </div>
  );
}
