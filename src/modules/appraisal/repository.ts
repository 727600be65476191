import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  AppraisalRectificationTable,
  BallotBatchTable,
  CampaignTable,
} from '../../db/schema-ratings.js';
import { insertRows } from '../../db/insert-rows.js';

type Q = Kysely<Database>;
export type CampaignRow = Selectable<CampaignTable>;
export type BatchRow = Selectable<BallotBatchTable>;
export type AppraisalRectificationRow = Selectable<AppraisalRectificationTable>;

export const findCampaign = (db: Q, id: string) =>
  db.selectFrom('appraisal_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
export const listCampaignRows = (db: Q) =>
  db.selectFrom('appraisal_campaigns').selectAll().orderBy('created_at', 'desc').limit(200).execute();
export const insertCampaign = (db: Q, row: Insertable<CampaignTable>) =>
  db.insertInto('appraisal_campaigns').values(row).execute();
export async function updateCampaign(db: Q, id: string, version: number, set: Updateable<CampaignTable>) {
  const r = await db
    .updateTable('appraisal_campaigns')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const batchesOf = (db: Q, campaignId: string) =>
  db
    .selectFrom('appraisal_batches')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('issued_at')
    .execute();
export const insertBatch = (db: Q, row: Insertable<BallotBatchTable>) =>
  db.insertInto('appraisal_batches').values(row).execute();
export const insertValidCodes = (
  db: Q,
  rows: { code_hash: string; campaign_id: string; category: string }[],
) => insertRows(db, 'appraisal_valid_codes', rows);

/**
 * Takes a valid code out of the valid list, atomically: of two votes with one code, only one
 * deletes the row (PostgreSQL makes the second wait and then find nothing). Its category, or none.
 */
export const takeValidCode = (db: Q, campaignId: string, hash: string) =>
  db
    .deleteFrom('appraisal_valid_codes')
    .where('code_hash', '=', hash)
    .where('campaign_id', '=', campaignId)
    .returning('category')
    .executeTakeFirst();
export const isUsedCode = async (db: Q, hash: string) =>
  Boolean(
    await db
      .selectFrom('appraisal_used_codes')
      .select('code_hash')
      .where('code_hash', '=', hash)
      .executeTakeFirst(),
  );
export const insertUsedCode = (db: Q, campaignId: string, hash: string) =>
  db.insertInto('appraisal_used_codes').values({ code_hash: hash, campaign_id: campaignId }).execute();
export const insertBallot = (
  db: Q,
  row: { id: string; campaign_id: string; category: string; scores: string },
) => db.insertInto('appraisal_ballots').values(row).execute();
export const ballotsOf = (db: Q, campaignId: string) =>
  db
    .selectFrom('appraisal_ballots')
    .select(['category', 'scores'])
    .where('campaign_id', '=', campaignId)
    .execute();
export async function codeCounts(db: Q, campaignId: string) {
  const [valid, used] = await Promise.all([
    db
      .selectFrom('appraisal_valid_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('appraisal_used_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow(),
  ]);
  return { unused: Number(valid.n), used: Number(used.n) };
}

export const insertAppraisalRectification = (db: Q, row: Insertable<AppraisalRectificationTable>) =>
  db.insertInto('appraisal_rectifications').values(row).execute();
export const rectificationsOf = (db: Q, campaignId: string) =>
  db.selectFrom('appraisal_rectifications').selectAll().where('campaign_id', '=', campaignId).execute();
export const findAppraisalRectification = (db: Q, id: string) =>
  db.selectFrom('appraisal_rectifications').selectAll().where('id', '=', id).executeTakeFirst();
export async function updateAppraisalRectification(
  db: Q,
  id: string,
  version: number,
  set: Updateable<AppraisalRectificationTable>,
) {
  const r = await db
    .updateTable('appraisal_rectifications')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
