import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize, isRole } from '../../shared/policy.js';
import { listInquiryRows } from './repository-inquiries.js';
import { casePolicy } from './policy.js';
import { STAFF } from './inquiry-rules.js';

export async function listInquiries(
  db: Db,
  actor: Actor,
  f: { status?: string; limit: number; offset: number },
) {
  authorize(actor, casePolicy.listInquiries, undefined, 'inquiry.list');
  const { rows, total } = await listInquiryRows(db, {
    ...f,
    ...(isRole(actor, ...STAFF) ? { ownerId: actor.id! } : {}),
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      ownerId: r.owner_id,
      personName: r.person_name,
      contact: r.contact,
      question: r.question,
      status: r.status,
      answer: r.answer,
      handedToId: r.handed_to_id,
      handoverNote: r.handover_note,
      createdAt: r.created_at,
      closedAt: r.closed_at,
      dueDate: r.due_date,
      colour: r.colour,
      version: r.version,
    })),
    total,
  };
}
