import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { storeCheckedUpload } from '../cases/file-check.js';
import { actOnLetter, letterStep } from './act-on-letter.js';
import type { LetterDeps } from './letter-deps.js';
import { letterPolicy } from './policy.js';

/**
 * The scanned original of a registered letter: checked as case materials are (PDF, JPEG or PNG by
 * content, at most 20 MB) and stored by its SHA-256. A better scan replaces a worse one.
 */
export async function attachOriginal(
  deps: LetterDeps,
  actor: Actor,
  id: string,
  version: number,
  file: { name: string; data: Buffer },
) {
  // Only the registry stores a scan: checked before the bytes are kept, as for case materials.
  authorize(actor, letterPolicy.register, undefined, 'letter.attach_original');
  const f = await storeCheckedUpload(deps.storage, file);
  return actOnLetter(deps, actor, id, 'attach_original', version, async ({ uow, l }) => {
    await uow.audit({
      action: 'letter.attach_original',
      entityType: 'letter',
      entityId: l.id,
      data: { ...letterStep(l), sha256: f.sha256, size: f.size, mime: f.mime },
    });
    return {
      changes: {
        original_sha256: f.sha256,
        original_mime: f.mime,
        original_name: f.name,
        original_size: f.size,
        original_key: f.storageKey,
      },
      result: null,
    };
  });
}
