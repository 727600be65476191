import type { Db } from '../../../db/database.js';
import { commitGroupOf } from '../../../db/commit-group.js';
import type { Channel, OutgoingMessage } from './channel.js';

/**
 * The in-app inbox; the address is a user id. The message id is the delivery id, so a delivery
 * retried after a crash between send and bookkeeping still leaves one message. On SQLite the
 * insert joins the commit group, so a burst of messages does not pay one fsync each.
 */
export function inboxChannel(db: Db): Channel {
  return {
    name: 'inbox',
    async send(userId: string, m: OutgoingMessage) {
      const insert = (q: Pick<Db, 'insertInto'>) => q.insertInto('inbox_messages').values({
        id: m.id, user_id: userId, kind: m.kind, title: m.title, body: m.body, subject_type: m.subjectType, subject_id: m.subjectId,
        created_at: m.createdAt, read_at: null,
      }).onConflict((oc) => oc.column('id').doNothing()).execute();
      const group = commitGroupOf(db);
      if (group) await group.run(insert);
      else await insert(db);
    },
  };
}
