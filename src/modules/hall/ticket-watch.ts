import type { Db } from '../../db/database.js';
import type { HallFeed } from './hall-feed.js';
import { ticketsWithIds, type EventRow } from './repository-tickets.js';
import { ticketStatuses, type TicketStatus } from './ticket-status.js';

interface Watcher {
  ticketId: string;
  groupId: string;
  send(status: TicketStatus): void;
}

/**
 * The phones following tickets on this instance. An event in a group refreshes every ticket
 * followed in it (their places moved), with one read of the queue for all of them.
 */
export class TicketWatchers {
  private readonly watchers = new Set<Watcher>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly db: Db,
    private readonly feed: HallFeed,
  ) {}

  get size(): number {
    return this.watchers.size;
  }

  watch(ticketId: string, groupId: string, send: (s: TicketStatus) => void): () => void {
    const w = { ticketId, groupId, send };
    this.watchers.add(w);
    this.unsubscribe ??= this.feed.subscribe((events) => void this.refresh(events).catch(() => {}));
    return () => {
      this.watchers.delete(w);
      if (!this.watchers.size && this.unsubscribe) {
        this.unsubscribe();
        this.unsubscribe = undefined;
      }
    };
  }

  private async refresh(events: EventRow[]): Promise<void> {
    const groups = new Set(events.map((e) => e.group_id));
    const tickets = new Set(events.map((e) => e.ticket_id));
    const due = [...this.watchers].filter((w) => groups.has(w.groupId) || tickets.has(w.ticketId));
    if (!due.length) return;
    const ids = [...new Set(due.map((w) => w.ticketId))];
    const rows = [];
    for (let i = 0; i < ids.length; i += 500)
      rows.push(...(await ticketsWithIds(this.db, ids.slice(i, i + 500))));
    const statuses = new Map((await ticketStatuses(this.db, rows)).map((s) => [s.ticketId, s]));
    const groupOf = new Map(rows.map((r) => [r.id, r.group_id]));
    for (const w of due) {
      const s = statuses.get(w.ticketId);
      if (!s) continue;
      w.groupId = groupOf.get(w.ticketId) ?? w.groupId;
      w.send(s);
    }
  }
}
