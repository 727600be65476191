import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize, isRole } from '../../shared/policy.js';
import { cataloguePolicy } from './policy.js';

/**
 * Every item whatever its state (draft, published, withdrawn), with its latest version, for the
 * people who maintain the guide: administrators and supervisors see all, department staff their own.
 */
export async function listAllItems(
  db: Db,
  actor: Actor,
  f: { status?: string; departmentId?: string; q?: string; limit: number; offset: number },
) {
  authorize(actor, cataloguePolicy.listAllItems, undefined, 'item.list_all');
  const dept = isRole(actor, 'admin', 'supervisor') ? f.departmentId : (actor.departmentId ?? '');
  let q = db
    .selectFrom('items')
    .innerJoin('item_versions as v', (j) =>
      j.onRef('v.item_id', '=', 'items.id').onRef('v.version_no', '=', 'items.latest_version_no'),
    );
  // `has_draft`: a draft not yet published, whether the item is new or already public.
  if (f.status === 'has_draft') q = q.where('v.status', '=', 'draft');
  else if (f.status) q = q.where('items.status', '=', f.status);
  if (dept) q = q.where('items.department_id', '=', dept);
  const text = f.q?.trim();
  if (text) {
    // Part of the name or of the code (any case); % and _ typed are matched as themselves.
    const like = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const contains = (col: string) => sql<SqlBool>`lower(${sql.ref(col)}) like ${like} escape '\\'`;
    q = q.where((eb) => eb.or([contains('items.code'), contains('v.name')]));
  }
  const [rows, total] = await Promise.all([
    q
      .select([
        'items.id',
        'items.code',
        'items.status',
        'items.version',
        'items.department_id',
        'items.latest_version_no',
        'items.updated_at',
        'v.name',
        'v.status as version_status',
        'v.type',
      ])
      .orderBy('items.updated_at', 'desc')
      .orderBy('items.code')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      type: r.type,
      status: r.status,
      latestVersionNo: r.latest_version_no,
      latestVersionStatus: r.version_status,
      departmentId: r.department_id,
      updatedAt: r.updated_at,
      version: r.version,
    })),
    total: Number(total.n),
  };
}
