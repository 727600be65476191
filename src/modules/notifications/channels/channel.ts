import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChannelName } from '../kinds.js';
import type { Locale } from '../render.js';

/** What a channel sends: the rendered message plus what the inbox needs to link it to its subject. */
export interface OutgoingMessage {
  /** The delivery's id: the inbox row's id and the SMS gateway's idempotency key. */
  id: string;
  kind: string;
  locale: Locale;
  title: string;
  body: string;
  sms: string;
  subjectType: string;
  subjectId: string;
  /** When the notice was queued: the inbox sorts by the fact, not by when a retry got through. */
  createdAt: string;
  /** The notice's payload (JSON text): the inbox keeps it to render the message in its reader's language. */
  payload?: string;
}

/**
 * A way to reach someone. send() resolves when the message was accepted and throws otherwise;
 * PermanentDeliveryError means retrying cannot help.
 */
export interface Channel {
  name: ChannelName;
  send(address: string, message: OutgoingMessage): Promise<void>;
  /**
   * Optional: many messages at once, for a channel where that is cheaper (the inbox: one insert).
   * Resolves with one entry per message: null when accepted, else the error; rejects if none was.
   */
  sendMany?(items: readonly { address: string; message: OutgoingMessage }[]): Promise<(unknown | null)[]>;
  /**
   * Optional, for a channel whose sending is a write to this same database (the inbox): writes the
   * messages in the given transaction. The outbox expansion then delivers on this channel in its own
   * transaction — exactly once, with no claim, lease or settlement of its own.
   */
  writeWithin?(
    trx: Kysely<Database>,
    items: readonly { address: string; message: OutgoingMessage }[],
  ): Promise<void>;
}
