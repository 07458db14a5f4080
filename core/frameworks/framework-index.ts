// Lookups score() makes for every agency, built once per framework object (frameworks are not mutated).
import type {
  Framework,
  IndicatorDef,
  IndicatorId,
  Instrument,
  ItemCode,
  ItemDef,
  TopicId,
} from '../types.ts';

export interface ItemEntry {
  item: ItemDef;
  /** Index in framework.items: item scores are kept in an array by this position. */
  position: number;
  topic: TopicId | undefined;
}

export interface FrameworkIndex {
  items: Map<ItemCode, ItemEntry>;
  byInstrument: Map<Instrument, readonly IndicatorDef[]>;
  /** Each item's analysis topic, by position. */
  topics: readonly (TopicId | undefined)[];
  /** Positions of the items whose mean is each indicator. */
  indicatorItems: Map<IndicatorId, readonly number[]>;
}

const indexes = new WeakMap<Framework, FrameworkIndex>();

function build(framework: Framework): FrameworkIndex {
  const items = new Map<ItemCode, ItemEntry>();
  framework.items.forEach((item, position) => {
    items.set(item.code, { item, position, topic: framework.topicOf[item.code] });
  });
  const byInstrument = new Map<Instrument, readonly IndicatorDef[]>();
  for (const instrument of framework.instruments) {
    byInstrument.set(
      instrument,
      framework.indicators.filter((def) => def.instrument === instrument),
    );
  }
  const indicatorItems = new Map<IndicatorId, readonly number[]>();
  for (const def of framework.indicators) {
    indicatorItems.set(
      def.id,
      def.items.map((code) => items.get(code)?.position ?? -1).filter((p) => p >= 0),
    );
  }
  const topics = framework.items.map((item) => framework.topicOf[item.code]);
  return { items, byInstrument, indicatorItems, topics };
}

export function indexOf(framework: Framework): FrameworkIndex {
  let index = indexes.get(framework);
  if (index === undefined) {
    index = build(framework);
    indexes.set(framework, index);
  }
  return index;
}
