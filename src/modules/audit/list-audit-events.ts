import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { auditPolicy } from './policy.js';
import { findAuditEvents, type AuditFilter } from './repository.js';

export async function listAuditEvents(db: Db, actor: Actor, f: AuditFilter) {
  authorize(actor, auditPolicy.read, undefined, 'audit.read');
  return findAuditEvents(db, f);
}
