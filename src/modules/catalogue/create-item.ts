import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';
import { findItem } from './repository.js';
import type { ItemInputT } from './schemas.js';
import { insertDraftVersion } from './item-writer.js';
import { assertItemValid } from './item-rules.js';

/** A new item starts as draft version 1; nobody sees it until it is published. */
export async function createItem(db: Db, clock: Clock, actor: Actor, input: ItemInputT) {
  const departmentId = await assertItemValid(db, input);
  authorize(actor, cataloguePolicy.draftItem, departmentId, 'item.create');
  if (await findItem(db, input.code))
    throw new AppError('already_exists', { resource: 'item', id: input.code });
  return audited(db, clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    await uow.db
      .insertInto('items')
      .values({
        id,
        code: input.code,
        department_id: departmentId,
        status: 'draft',
        current_version_id: null,
        latest_version_no: 1,
        created_at: uow.nowIso,
        updated_at: uow.nowIso,
        version: 1,
      })
      .execute();
    await insertDraftVersion(uow, id, 1, input, departmentId);
    await uow.audit({
      action: 'item.created',
      entityType: 'item',
      entityId: id,
      data: { code: input.code, name: input.name },
    });
    return id;
  });
}
