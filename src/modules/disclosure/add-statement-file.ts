import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { storeCheckedUpload } from '../cases/file-check.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { disclosurePolicy } from './policy.js';
import { findStatement, findVillage, insertFile } from './repository-villages.js';
import { getStatement } from './get-statement.js';

/** Attaches a scan (PDF, JPEG or PNG, checked by content, as case materials are) to a statement. */
export async function addStatementFile(
  deps: DisclosureDeps,
  actor: Actor,
  id: string,
  file: { name: string; data: Buffer },
) {
  const s = await findStatement(deps.db, id);
  if (!s) throw notFound('disclosure_statement', id);
  const v = (await findVillage(deps.db, s.village_id))!;
  authorize(actor, disclosurePolicy.publishStatement, v.department_id, 'disclosure.attach');
  const f = await storeCheckedUpload(deps.storage, file);
  await audited(deps.db, deps.clock, actor, async (uow) => {
    await insertFile(uow.db, {
      id: newId(uow.now.getTime()),
      statement_id: id,
      name: f.name,
      mime: f.mime,
      size: f.size,
      sha256: f.sha256,
      storage_key: f.storageKey,
      uploaded_by: actor.id,
      uploaded_at: uow.nowIso,
    });
    await uow.audit({
      action: 'disclosure.file_added',
      entityType: 'disclosure_statement',
      entityId: id,
      data: { sha256: f.sha256, size: f.size },
    });
  });
  return getStatement(deps, id);
}
