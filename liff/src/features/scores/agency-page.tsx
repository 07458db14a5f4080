// The agency score card page: loads /api/agencies/:id/scorecard for the chosen year.
import { useState } from 'preact/hooks';
import { ok } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { useLoad } from '../../lib/use-load.ts';
import type { PageProps } from '../../ui/lazy-page.tsx';
import { ApiErrorState, Loading } from '../../ui/states.tsx';
import { YearSelect } from '../../ui/year-select.tsx';
import { ScoreCard } from './score-card.tsx';

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
