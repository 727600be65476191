/**
 * A visit at a window as the on-site rating needs it, found by the queue ticket's number. The hall
 * (appointments, tickets, calling) owns tickets; the composition root wires its lookup here.
 */
export interface Visit {
  /** The ticket's own id: the matter an on-site rating is about (one rating per visit). */
  ticketId: string;
  ticketNo: string;
  departmentId: string;
  windowId: string | null;
  window: string | null;
  staffId: string | null;
  itemId: string | null;
  caseId: string | null;
  servedAt: string;
}

export interface VisitLookup {
  /** The visit served under this ticket number today (the hall's numbers repeat day by day), or null. */
  find(ticketNo: string, now: Date): Promise<Visit | null>;
  /** The visit last served at this window today, or null (the window's tablet prompts for it). */
  latestAt(windowId: string, now: Date): Promise<Visit | null>;
}

/** Until a hall is wired, no ticket is known, so an on-site rating is refused as an unknown ticket. */
export const NO_HALL: VisitLookup = { find: async () => null, latestAt: async () => null };
