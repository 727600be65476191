import type { ItemInputT } from './schemas.js';

/** The blank forms and samples a version's materials name, once each. */
export const materialFileIds = (data: Pick<ItemInputT, 'materials'>): string[] => [
  ...new Set(
    (data.materials ?? [])
      .flatMap((m) => [m.blankFormFileId, m.sampleFileId])
      .filter((x): x is string => !!x),
  ),
];
