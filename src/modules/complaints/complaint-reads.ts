import { findByTicketNo, findComplaint, type ComplaintRow } from './repository.js';

export type { ComplaintRow };

/** A ticket as other modules read it (ratings: the matter a phone rating is about); changes go through actOnComplaint. */
export { findComplaint, findByTicketNo };
