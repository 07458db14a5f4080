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
  /** The same positions by the indicator's place in framework.indicators: score() reads these by index, not by Map. */
  itemsByIndicator: readonly (readonly number[])[];
  /** For each of framework.instruments in order, the places in framework.indicators of its indicators. */
  indicatorsByInstrument: readonly (readonly number[])[];
  /** Whether any level rule has a per-instrument floor (the FY2566 scheme); the AA–F bands look at the total only. */
  levelsNeedInstruments: boolean;
  /** Whether framework.instruments is exactly IIT, EIT, OIT (every built-in framework): score() then builds literals. */
  instrumentsInOrder: boolean;
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
  const itemsByIndicator = framework.indicators.map((def) => indicatorItems.get(def.id) ?? []);
  const indicatorsByInstrument = framework.instruments.map((instrument) =>
    framework.indicators.flatMap((def, place) => (def.instrument === instrument ? [place] : [])),
  );
  const levelsNeedInstruments = framework.levels.some((rule) => rule.minEachInstrument !== undefined);
  return {
    items,
    byInstrument,
    indicatorItems,
    topics,
    itemsByIndicator,
    indicatorsByInstrument,
    levelsNeedInstruments,
    instrumentsInOrder: framework.instruments.join() === 'IIT,EIT,OIT',
  };
}

export function indexOf(framework: Framework): FrameworkIndex {
  let index = indexes.get(framework);
  if (index === undefined) {
    index = build(framework);
    indexes.set(framework, index);
  }
  return index;
}
