import type { ItemInputT } from '../catalogue/schemas.js';

export interface PlannedMaterial {
  itemId: string;
  name: string;
  required: boolean;
  deferrable: boolean;
  source: ItemInputT['materials'][number]['source'];
}

/**
 * One set of materials for the whole matter (一表申请): materials of the same name across a bundle's
 * items are asked for once — required if any item requires it, deferrable only if every item allows.
 */
export function planMaterials(items: { itemId: string; data: ItemInputT }[]): PlannedMaterial[] {
  const byName = new Map<string, PlannedMaterial>();
  for (const { itemId, data } of items) {
    for (const m of data.materials) {
      const seen = byName.get(m.name);
      if (!seen)
        byName.set(m.name, {
          itemId,
          name: m.name,
          required: m.required,
          deferrable: m.deferrable,
          source: m.source,
        });
      else {
        seen.required ||= m.required;
        seen.deferrable &&= m.deferrable;
        // What the agency obtains itself for one item it can obtain for all.
        if (m.source === 'agency') seen.source = 'agency';
      }
    }
  }
  return [...byName.values()];
}

/**
 * Materials the applicant does not upload: shared data the agency fetches itself, a written
 * commitment, or an original shown at the window — on the spot for a walk-in (the clerk ticks it),
 * at the one visit (pick-up) for an online application, so it never holds up acceptance.
 */
export const suppliedBySystem = (
  m: PlannedMaterial,
  channel: 'online' | 'window',
): 'shared' | 'committed' | 'at_window' | null =>
  m.source === 'agency'
    ? 'shared'
    : m.source === 'commitment'
      ? 'committed'
      : m.source === 'window_check' && channel === 'online'
        ? 'at_window'
        : null;
