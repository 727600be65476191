import type { Lang } from '../../server/errors.js';
import type { InboxRow } from './repository.js';
import { parsePayload, render } from './render.js';

/**
 * The message in the language the reader asks for (Accept-Language) when its notice's payload was
 * kept; else as it was written, in the locale of their account.
 */
function textIn(m: InboxRow, lang: Lang | null): { title: string; body: string } {
  if (!m.payload || !lang) return { title: m.title, body: m.body };
  try {
    const r = render(m.kind, parsePayload(m.payload), lang);
    return { title: r.title, body: r.body };
  } catch {
    return { title: m.title, body: m.body };
  }
}

/** A message as its owner sees it (the row's owner id stays on the server), in the language asked for. */
export function presentMessage(m: InboxRow, lang: Lang | null) {
  return {
    id: m.id,
    kind: m.kind,
    ...textIn(m, lang),
    subjectType: m.subject_type,
    subjectId: m.subject_id,
    createdAt: m.created_at,
    readAt: m.read_at,
  };
}
