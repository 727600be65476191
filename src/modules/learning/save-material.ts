import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { storeCheckedUpload } from '../cases/file-check.js';
import type { ConductDeps } from '../commitments/commitment-deps.js';
import { getMaterial } from './list-materials.js';
import { learningPolicy } from './policy.js';
import { bumpMaterial, findMaterial, findVersion, insertMaterial, insertVersion } from './repository.js';
import type { MaterialBodyT } from './schemas.js';
import type { Section } from './volumes.js';

const clean = (sections: Section[]) => sections.map((s) => ({ title: s.title.trim(), body: s.body.trim() }));

/** An administrator adds study material to the library: version 1, in text. */
export async function createMaterial(deps: ConductDeps, actor: Actor, input: MaterialBodyT) {
  authorize(actor, learningPolicy.manage, undefined, 'learning.material');
  const id = await audited(deps.db, deps.clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    await insertMaterial(uow.db, {
      id,
      volume: input.volume,
      topic: input.topic.trim(),
      title: input.title.trim(),
      rule_code: input.ruleCode ?? null,
      current_version_no: 1,
      quiz_size: input.quizSize,
      pass_pct: input.passPct,
      max_attempts: input.maxAttempts,
      created_at: uow.nowIso,
      updated_at: uow.nowIso,
      version: 1,
    });
    await insertVersion(uow.db, {
      id: newId(uow.now.getTime()),
      material_id: id,
      version_no: 1,
      format: 'text',
      sections: toJson(clean(input.sections)),
      pdf_name: null,
      pdf_sha256: null,
      pdf_key: null,
      pdf_size: null,
      note: null,
      created_by: actor.id,
      created_at: uow.nowIso,
    });
    await uow.audit({
      action: 'learning.material_saved',
      entityType: 'learning_material',
      entityId: id,
      data: { title: input.title.trim(), versionNo: 1, format: 'text' },
    });
    return id;
  });
  return getMaterial(deps, actor, id);
}

/**
 * A new version of a material, in text or as a PDF (one section, the whole document). Earlier
 * versions stay readable in the history; sections studied count against the current version.
 */
export async function addMaterialVersion(
  deps: ConductDeps,
  actor: Actor,
  id: string,
  input: { version: number; sections?: Section[]; note?: string; pdf?: { name: string; data: Buffer } },
) {
  authorize(actor, learningPolicy.manage, undefined, 'learning.material');
  const pdf = input.pdf ? await storeCheckedUpload(deps.storage, input.pdf) : null;
  if (pdf && pdf.mime !== 'application/pdf')
    throw new AppError('unsupported_media_type', { type: `${pdf.mime} (PDF only / 仅限 PDF)` });
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const m = await findMaterial(uow.db, id);
    if (!m) throw notFound('study material', id);
    const versionNo = m.current_version_no + 1;
    const current = await findVersion(uow.db, id, m.current_version_no);
    if (!(await bumpMaterial(uow.db, { ...m, version: input.version }, versionNo, uow.nowIso)))
      throw staleVersion(m.version, input.version);
    const title = pdf ? pdf.name.replace(/\.pdf$/i, '') : '';
    await insertVersion(uow.db, {
      id: newId(uow.now.getTime()),
      material_id: id,
      version_no: versionNo,
      format: pdf ? 'pdf' : 'text',
      sections: toJson(
        pdf
          ? [{ title: title || m.title, body: '' }]
          : clean(input.sections ?? JSON.parse(current?.sections ?? '[]')),
      ),
      pdf_name: pdf?.name ?? null,
      pdf_sha256: pdf?.sha256 ?? null,
      pdf_key: pdf?.storageKey ?? null,
      pdf_size: pdf?.size ?? null,
      note: input.note?.trim() || null,
      created_by: actor.id,
      created_at: uow.nowIso,
    });
    await uow.audit({
      action: 'learning.material_saved',
      entityType: 'learning_material',
      entityId: id,
      data: { title: m.title, versionNo, format: pdf ? 'pdf' : 'text' },
    });
  });
  return getMaterial(deps, actor, id);
}
