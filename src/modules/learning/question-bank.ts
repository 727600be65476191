import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { fromJson, toJson } from '../../shared/json.js';
import { AppError, notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { ConductDeps } from '../commitments/commitment-deps.js';
import { learningPolicy } from './policy.js';
import { activeQuestions, findMaterial, insertQuestion } from './repository.js';

/** An administrator adds a question to a material's bank: options and the index of the right one. */
export async function addQuestion(
  deps: ConductDeps,
  actor: Actor,
  materialId: string,
  input: { prompt: string; options: string[]; answer: number },
) {
  authorize(actor, learningPolicy.manage, undefined, 'learning.question');
  if (input.answer >= input.options.length)
    throw new AppError('validation_failed', { summary: '/body/answer' }, [
      {
        path: '/body/answer',
        code: 'out_of_range',
        zh: '正确答案须是选项之一',
        en: 'The answer must be one of the options',
      },
    ]);
  if (!(await findMaterial(deps.db, materialId))) throw notFound('study material', materialId);
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    await insertQuestion(uow.db, {
      id,
      material_id: materialId,
      prompt: input.prompt.trim(),
      options: toJson(input.options.map((o) => o.trim())),
      answer: input.answer,
      active: 1,
      created_at: uow.nowIso,
    });
    await uow.audit({
      action: 'learning.question_added',
      entityType: 'learning_question',
      entityId: id,
      data: { materialId },
    });
  });
  return listQuestions(deps, actor, materialId);
}

/** The bank with its answers: administrators only. */
export async function listQuestions(deps: ConductDeps, actor: Actor, materialId: string) {
  authorize(actor, learningPolicy.manage, undefined, 'learning.question');
  return {
    items: (await activeQuestions(deps.db, materialId)).map((q) => ({
      id: q.id,
      prompt: q.prompt,
      options: fromJson<string[]>(q.options, []),
      answer: q.answer,
    })),
  };
}
