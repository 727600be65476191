import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { newId } from '../../shared/ids.js';
import { fromJson, toJson } from '../../shared/json.js';
import { stopClock } from '../clock/stop-clock.js';
import { raiseSignals } from '../supervision/signals.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase, applicantNotice } from './act-on-case.js';
import { findClock } from '../clock/clock-reads.js';
import { firstItemIdOf, materialsOf, noticesOf } from './repository.js';
import { insertMaterial, markMaterialRequested } from './repository-materials.js';
import { insertSupplementNotice } from './repository-supplements.js';

export interface SupplementItem {
  name: string;
  requirement: string;
}

/**
 * The one-time notice (一次性告知, Art. 32 (4)): everything missing, listed at once. A later notice
 * needs a recorded reason, and asking for anything the first notice did not list raises a signal.
 */
export async function requestSupplement(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  version: number,
  input: { items: SupplementItem[]; reason?: string },
) {
  return actOnCase(deps, actor, caseId, 'request_supplement', version, async ({ uow, cal, c }) => {
    if (!input.items.length)
      throw new AppError('validation_failed', { summary: '/body/items' }, [
        {
          path: '/body/items',
          code: 'empty',
          zh: '补正告知须列出全部所缺材料',
          en: 'The notice must list everything that is missing',
        },
      ]);
    const twice = input.items.flatMap((it, i) =>
      input.items.findIndex((o) => o.name.trim() === it.name.trim()) < i
        ? [
            {
              path: `/body/items/${i}/name`,
              code: 'duplicate',
              zh: `“${it.name}”已列出，每种材料只列一次`,
              en: `"${it.name}" is already listed: list each material once`,
            },
          ]
        : [],
    );
    if (twice.length)
      throw new AppError('validation_failed', { summary: twice.map((e) => e.path).join(', ') }, twice);
    const previous = await noticesOf(uow.db, c.id);
    const seq = previous.length + 1;
    if (seq > 1 && !input.reason?.trim()) {
      throw new AppError('validation_failed', { summary: '/body/reason' }, [
        {
          path: '/body/reason',
          code: 'reason_required',
          zh: '再次要求补正须记录理由（应一次性告知）',
          en: 'A second supplement request needs a recorded reason (everything should be asked at once)',
        },
      ]);
    }
    const firstListed = new Set(
      previous.length
        ? fromJson<SupplementItem[]>(previous[0]!.items, []).map((i) => i.name)
        : input.items.map((i) => i.name),
    );
    const beyond = input.items.filter((i) => !firstListed.has(i.name));
    if (seq > 1 && beyond.length) {
      await raiseSignals(
        uow.db,
        [
          {
            kind: 'second_supplement_new_item',
            subjectType: 'case',
            subjectId: c.id,
            departmentId: c.lead_department_id,
            dedupeKey: `${c.id}:supplement:${seq}`,
            data: { receiptNo: c.receipt_no, seq, newItems: beyond.map((i) => i.name), reason: input.reason },
          },
        ],
        uow.nowIso,
      );
    }
    const knownMaterials = new Set((await materialsOf(uow.db, c.id)).map((m) => m.name));
    for (const i of input.items) {
      if (knownMaterials.has(i.name)) {
        await markMaterialRequested(uow.db, c.id, i.name, uow.nowIso);
      } else {
        await insertMaterial(uow.db, {
          id: newId(uow.now.getTime()),
          case_id: c.id,
          item_id: await firstItemIdOf(uow.db, c.id),
          name: i.name,
          required: 1,
          deferrable: 0,
          status: 'requested',
          file_id: null,
          checked_by: actor.id,
          deferred_until: null,
          updated_at: uow.nowIso,
        });
      }
    }
    // The notice came in time: the Art. 32 deemed-acceptance clock stops; it restarts on the supplement.
    if (c.acceptance_clock_id) {
      const ac = await findClock(uow.db, c.acceptance_clock_id);
      if (ac && ac.status !== 'stopped') await stopClock(uow, cal, ac.id, 'supplement_requested');
    }
    const doc = await deps.documents.issue(uow, c, 'supplement_notice', {
      seq,
      materials: input.items,
      ...(input.reason ? { reason: input.reason } : {}),
    });
    await insertSupplementNotice(uow.db, {
      id: newId(uow.now.getTime()),
      case_id: c.id,
      seq,
      items: toJson(input.items),
      reason: input.reason ?? null,
      issued_by: actor.id,
      issued_at: uow.nowIso,
      fulfilled_at: null,
      document_id: doc.id,
    });
    return {
      state: 'awaiting_supplement',
      event: {
        seq,
        items: input.items.map((i) => i.name),
        reason: input.reason ?? null,
        beyondFirstNotice: beyond.map((i) => i.name),
        document: doc.number,
      },
      notify: [
        applicantNotice(c, 'supplement_requested', {
          materials: input.items.map((i) => i.name),
          seq,
          ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}),
        }),
      ],
      result: { seq, document: doc, beyondFirstNotice: beyond.map((i) => i.name) },
    };
  });
}
