import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import { findDocumentByNumber, readyDocument } from '../documents/document-reads.js';
import type { LetterDeps } from './letter-deps.js';
import { letterPolicy } from './policy.js';
import { findLetter } from './repository.js';

async function load(deps: LetterDeps, id: string) {
  const l = await findLetter(deps.db, id);
  if (!l) throw notFound('letter', id);
  return l;
}

/** The scanned original: it shows the sender, so only the registry and the department that replies open it. */
export async function getLetterOriginal(deps: LetterDeps, actor: Actor, id: string) {
  const l = await load(deps, id);
  authorize(actor, letterPolicy.readSender, { departmentId: l.department_id }, 'letter.original');
  if (!l.original_key) throw notFound('letter_original', l.number);
  return { mime: l.original_mime!, name: l.original_name!, data: await deps.storage.get(l.original_key) };
}

/** The reply letter's PDF, for whoever may read the letter (supervisors judge the reply too). */
export async function getLetterReply(deps: LetterDeps, actor: Actor, id: string) {
  const l = await load(deps, id);
  authorize(actor, letterPolicy.read, { departmentId: l.department_id }, 'letter.reply');
  if (!l.reply_number) throw notFound('letter_reply', l.number);
  // (replies from before documents were rendered after the commit name their file themselves)
  if (l.reply_key)
    return { number: l.reply_number, sha256: l.reply_sha256!, pdf: await deps.storage.get(l.reply_key) };
  const found = await findDocumentByNumber(deps.db, l.reply_number);
  if (!found) throw notFound('letter_reply', l.number);
  const d = await readyDocument(deps.db, deps.renderer, found);
  return { number: d.number, sha256: d.sha256, pdf: await deps.storage.get(d.storage_key) };
}
