import { insertAuditEvent } from './repository.js';

/**
 * Records an audit event in a transaction its caller already holds: for background work that runs
 * its own transactions in batches. A use case records through `audited()` and `uow.audit()` instead.
 */
export const recordAuditEvent = insertAuditEvent;
