import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { prepared } from '../../db/prepared.js';
import { insertRows } from '../../db/insert-rows.js';
import type { Database } from '../../db/schema.js';
import type {
  AppealTable,
  InvitationTable,
  RatingTable,
  RectificationTable,
} from '../../db/schema-ratings.js';

type Q = Kysely<Database>;
export type RatingRow = Selectable<RatingTable>;
export type RectificationRow = Selectable<RectificationTable>;
export type AppealRow = Selectable<AppealTable>;
export type InvitationRow = Selectable<InvitationTable>;

export const findRating = (db: Q, id: string) =>
  db.selectFrom('rating_ratings').selectAll().where('id', '=', id).executeTakeFirst();
/** Every rating's write asks this first: built once (prepared), run on the transaction's connection. */
export const findRatingOf = prepared((db, subjectType: string, subjectId: string, channel: string) =>
  db
    .selectFrom('rating_ratings')
    .select('id')
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('channel', '=', channel),
);
export const insertRating = (db: Q, row: Insertable<RatingTable>) => insertRows(db, 'rating_ratings', row);
export async function updateRating(db: Q, id: string, version: number, set: Updateable<RatingTable>) {
  const r = await db
    .updateTable('rating_ratings')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const findRectification = (db: Q, id: string) =>
  db.selectFrom('rating_rectifications').selectAll().where('id', '=', id).executeTakeFirst();
export const rectificationOfRating = (db: Q, ratingId: string) =>
  db.selectFrom('rating_rectifications').selectAll().where('rating_id', '=', ratingId).executeTakeFirst();
export const insertRectification = (db: Q, row: Insertable<RectificationTable>) =>
  db.insertInto('rating_rectifications').values(row).execute();
export async function updateRectification(
  db: Q,
  id: string,
  version: number,
  set: Updateable<RectificationTable>,
) {
  const r = await db
    .updateTable('rating_rectifications')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const findAppeal = (db: Q, id: string) =>
  db.selectFrom('rating_appeals').selectAll().where('id', '=', id).executeTakeFirst();
export const appealOfRating = (db: Q, ratingId: string) =>
  db.selectFrom('rating_appeals').selectAll().where('rating_id', '=', ratingId).executeTakeFirst();
export const insertAppeal = (db: Q, row: Insertable<AppealTable>) =>
  db.insertInto('rating_appeals').values(row).execute();
export async function updateAppeal(db: Q, id: string, version: number, set: Updateable<AppealTable>) {
  const r = await db
    .updateTable('rating_appeals')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const insertInvitation = (db: Q, row: Insertable<InvitationTable>) =>
  db
    .insertInto('rating_invitations')
    .values(row)
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id']).doNothing())
    .execute();
export const markInvitationRated = prepared((db, at: string, subjectType: string, subjectId: string) =>
  db
    .updateTable('rating_invitations')
    .set({ rated_at: at, remind_at: sql<null>`null` })
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('rated_at', 'is', sql<null>`null`),
);
