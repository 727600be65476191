import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import { claimUploads, filesOnCase } from './repository-files.js';

/**
 * Attaches the uploads named in a request's materials to a case, inside its unit of work. Ownership
 * is checked with a read before (to report every problem at once), but without a lock: the claim
 * itself takes a file only while it is still the actor's and on no other case, so two requests
 * racing for one upload cannot both have it. The loser is told which material's file was taken.
 */
export async function claimFiles(
  uow: UnitOfWork,
  actor: Actor,
  caseId: string,
  materials: readonly { fileId?: string }[],
): Promise<void> {
  const fileIds = [...new Set(materials.map((m) => m.fileId).filter((f): f is string => !!f))];
  if (!fileIds.length) return;
  if ((await claimUploads(uow.db, caseId, actor.id!, fileIds)) === fileIds.length) return;
  const mine = await filesOnCase(uow.db, caseId, fileIds);
  const taken = materials.flatMap((m, i) =>
    m.fileId && !mine.has(m.fileId)
      ? [
          {
            path: `/body/materials/${i}/fileId`,
            code: 'file_not_yours',
            zh: '文件不存在、不属于您或已用于其他办件',
            en: 'No such file of yours, or it is already attached to another case',
          },
        ]
      : [],
  );
  throw new AppError('validation_failed', { summary: taken.map((e) => e.path).join(', ') }, taken);
}
