import type { InboxRow } from './repository.js';

/** A message as its owner sees it (the row's owner id stays on the server). */
export function presentMessage(m: InboxRow) {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    body: m.body,
    subjectType: m.subject_type,
    subjectId: m.subject_id,
    createdAt: m.created_at,
    readAt: m.read_at,
  };
}
