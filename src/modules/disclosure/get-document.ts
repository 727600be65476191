import { notFound } from '../../server/errors.js';
import { departmentsById, findItem, findVersionById } from '../catalogue/catalogue-reads.js';
import { localDate } from '../clock/local-time.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { docRef, documentSummary } from './presenter.js';
import { documentsByIds, findDocument, linksOfDocument } from './repository.js';

/** A document with its full text, interpretation, its place among versions and the items citing it. */
export async function getDocument(deps: DisclosureDeps, id: string) {
  const d = await findDocument(deps.db, id);
  if (!d) throw notFound('disclosure_document', id);
  const today = localDate(deps.clock.now());
  const related = new Map(
    (
      await documentsByIds(
        deps.db,
        [d.amends_id, d.amended_by_id, d.repealed_by_id].filter((x) => x !== null),
      )
    ).map((r) => [r.id, r]),
  );
  const ref = (rid: string | null) => docRef(rid ? related.get(rid) : undefined, today);
  const links = await linksOfDocument(deps.db, d.id);
  const depts = links.length ? await departmentsById(deps.db) : new Map();
  const citedBy = await Promise.all(
    links.map(async (l) => {
      const item = await findItem(deps.db, l.item_code);
      const v = item?.current_version_id
        ? await findVersionById(deps.db, item.current_version_id)
        : undefined;
      return {
        linkId: l.id,
        itemCode: l.item_code,
        itemName: v?.name ?? null,
        departmentName: (item ? depts.get(item.department_id)?.name : null) ?? null,
        basisTitle: l.basis_title,
      };
    }),
  );
  return {
    ...documentSummary(d, today),
    body: d.body,
    interpretation: d.interpretation,
    repealedOn: d.repealed_on,
    repealReason: d.repeal_reason,
    amends: ref(d.amends_id),
    amendedBy: ref(d.amended_by_id),
    repealedBy: ref(d.repealed_by_id),
    citedBy,
    today,
    version: d.version,
  };
}
