import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';
import { findDepartment, findItem, findVersion, findVersionById } from './repository.js';
import type { ItemInputT } from './schemas.js';
import { publishVersion } from './item-writer.js';
import { assertItemValid } from './item-rules.js';

/**
 * Publishes the latest draft; it is checked again, since fees or departments may have changed meanwhile.
 * The publisher's comment is kept in the audit trail with the fields that differ from the version the
 * public saw until now, so a changed time limit or fee can be traced to who published it and why.
 */
export async function publishItem(
  db: Db,
  clock: Clock,
  actor: Actor,
  key: string,
  expectedVersion: number,
  comment: string,
) {
  authorize(actor, cataloguePolicy.publishItem, undefined, 'item.publish');
  const item = await findItem(db, key);
  if (!item) throw notFound('item', key);
  const draft = await findVersion(db, item.id, item.latest_version_no);
  if (!draft || draft.status !== 'draft') {
    throw new AppError('invalid_state', {
      state: item.status,
      action: 'publish',
      allowed: item.status === 'published' ? 'edit, withdraw' : 'edit',
    });
  }
  const data = JSON.parse(draft.data) as ItemInputT;
  const departmentId = await assertItemValid(db, data);
  const previous = item.current_version_id ? await findVersionById(db, item.current_version_id) : undefined;
  const dept = (await findDepartment(db, departmentId))!;
  return audited(db, clock, actor, async (uow) => {
    const res = await uow.db
      .updateTable('items')
      .set({ updated_at: uow.nowIso })
      .where('id', '=', item.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion(item.version, expectedVersion);
    await publishVersion(uow, item, draft, dept);
    await uow.audit({
      action: 'item.published',
      entityType: 'item',
      entityId: item.id,
      data: {
        versionNo: draft.version_no,
        previousVersionId: item.current_version_id,
        comment: comment.trim(),
        changed: changedFields(previous ? (JSON.parse(previous.data) as ItemInputT) : null, data),
      },
    });
    return { itemId: item.id, versionNo: draft.version_no };
  });
}

/** The top-level fields of the new version that differ from the previous one (all of them for a first publication). */
export function changedFields(before: ItemInputT | null, after: ItemInputT): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])].sort();
  if (!before) return keys;
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
