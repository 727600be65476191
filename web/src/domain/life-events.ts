import type { ItemSummary } from '../api/types';
import { LIFE_EVENTS } from './enums';

/** Life events in the catalogue's own order, then any others the items name, each with its count. */
export function countLifeEvents(items: ItemSummary[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) for (const e of item.lifeEvents) counts.set(e, (counts.get(e) ?? 0) + 1);
  const known: string[] = LIFE_EVENTS.filter((e) => counts.has(e));
  const others = [...counts.keys()].filter((e) => !known.includes(e)).sort();
  return [...known, ...others].map((name) => ({ name, count: counts.get(name)! }));
}
