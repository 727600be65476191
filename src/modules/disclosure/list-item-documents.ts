import { localDate } from '../clock/local-time.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { documentSummary } from './presenter.js';
import { documentsByIds, linksOfItem } from './repository.js';

/** The documents an item's legal basis cites, for its public guide: each says how it stands today. */
export async function listItemDocuments(deps: DisclosureDeps, itemCode: string) {
  const today = localDate(deps.clock.now());
  const links = await linksOfItem(deps.db, itemCode);
  const docs = new Map(
    (
      await documentsByIds(
        deps.db,
        links.map((l) => l.document_id),
      )
    ).map((d) => [d.id, d]),
  );
  return {
    itemCode,
    documents: links.flatMap((l) => {
      const d = docs.get(l.document_id);
      return d ? [{ linkId: l.id, basisTitle: l.basis_title, document: documentSummary(d, today) }] : [];
    }),
  };
}
