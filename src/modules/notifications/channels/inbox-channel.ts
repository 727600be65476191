import type { Kysely } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../db/commit-group.js';
import { insertRows } from '../../../db/insert-rows.js';
import type { Channel, OutgoingMessage } from './channel.js';

const row = (userId: string, m: OutgoingMessage) => ({
  id: m.id,
  user_id: userId,
  kind: m.kind,
  title: m.title,
  body: m.body,
  subject_type: m.subjectType,
  subject_id: m.subjectId,
  created_at: m.createdAt,
  read_at: null,
  payload: m.payload ?? null,
});

/**
 * The in-app inbox; the address is a user id. The message id is the delivery id, so a delivery
 * retried after a crash between send and bookkeeping still leaves one message. New notices reach
 * the inbox inside the transaction that expands them (writeWithin); sendMany delivers what is left
 * pending from before, one insert per batch in one transaction (on SQLite through the commit group).
 */
export function inboxChannel(db: Db): Channel {
  const writeWithin = async (
    trx: Kysely<Database>,
    items: readonly { address: string; message: OutgoingMessage }[],
  ) => {
    for (let i = 0; i < items.length; i += 200) {
      await insertRows(
        trx,
        'inbox_messages',
        items.slice(i, i + 200).map((x) => row(x.address, x.message)),
        { ignoreConflictOn: 'id' },
      );
    }
  };
  const sendMany = async (items: readonly { address: string; message: OutgoingMessage }[]) => {
    await inTransaction(db, (trx) => writeWithin(trx, items));
    return items.map(() => null);
  };
  return {
    name: 'inbox',
    send: async (userId, m) => {
      await sendMany([{ address: userId, message: m }]);
    },
    sendMany,
    writeWithin,
  };
}
