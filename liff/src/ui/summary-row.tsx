// One term and its value in a complaint's summary list (<dl class="complaint-summary">), grouped for the grid.
import type { ComponentChildren } from 'preact';

export function SummaryRow({
  term,
  valueClass,
  children,
}: {
  term: ComponentChildren;
  valueClass?: string;
  children: ComponentChildren;
}) {
  return (
    <div>
      <dt>{term}</dt>
      <dd class={valueClass}>{children}</dd>
    </div>
  );
}
