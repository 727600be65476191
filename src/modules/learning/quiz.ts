import { randomInt } from 'node:crypto';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { fromJson, toJson } from '../../shared/json.js';
import { AppError, notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { ConductDeps } from '../commitments/commitment-deps.js';
import { learningPolicy } from './policy.js';
import {
  activeQuestions,
  attemptsOf,
  findAttempt,
  findMaterial,
  insertAttempt,
  markPassed,
  questionsByIds,
  submitAttempt,
} from './repository.js';
import { score } from './volumes.js';

/**
 * A staff member starts a quiz: questions drawn at random from the material's bank, without their
 * answers. Attempts are limited; one passed, no more are needed. An attempt started and not
 * submitted counts as used, so drawing again to see other questions gains nothing.
 */
export async function startQuiz(deps: ConductDeps, actor: Actor, materialId: string) {
  authorize(actor, learningPolicy.study, undefined, 'learning.quiz');
  const m = await findMaterial(deps.db, materialId);
  if (!m) throw notFound('study material', materialId);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const attempts = await attemptsOf(uow.db, actor.id!, materialId);
    if (attempts.some((a) => a.passed === 1))
      throw new AppError('invalid_state', { state: 'passed', action: 'start_quiz', allowed: '—' });
    if (attempts.length >= m.max_attempts)
      throw new AppError('quiz_attempts_exhausted', { max: m.max_attempts });
    const pool = await activeQuestions(uow.db, materialId);
    if (!pool.length || m.quiz_size === 0)
      throw new AppError('invalid_state', { state: 'no_quiz', action: 'start_quiz', allowed: '—' });
    const drawn = [];
    const left = [...pool];
    while (drawn.length < Math.min(m.quiz_size, pool.length))
      drawn.push(left.splice(randomInt(left.length), 1)[0]!);
    const id = newId(uow.now.getTime());
    const seq = attempts.length + 1;
    await insertAttempt(uow.db, {
      id,
      user_id: actor.id!,
      material_id: materialId,
      seq,
      question_ids: toJson(drawn.map((q) => q.id)),
      answers: null,
      score_pct: null,
      passed: null,
      started_at: uow.nowIso,
      submitted_at: null,
    });
    await uow.audit({
      action: 'learning.quiz_started',
      entityType: 'learning_attempt',
      entityId: id,
      data: { materialId, seq },
    });
    return {
      attemptId: id,
      seq,
      attemptsLeft: m.max_attempts - seq,
      questions: drawn.map((q) => ({
        id: q.id,
        prompt: q.prompt,
        options: fromJson<string[]>(q.options, []),
      })),
    };
  });
}

/** Answers are scored once; passing at the pass mark completes the quiz. */
export async function submitQuiz(deps: ConductDeps, actor: Actor, attemptId: string, answers: number[]) {
  authorize(actor, learningPolicy.study, undefined, 'learning.quiz');
  const a = await findAttempt(deps.db, attemptId);
  if (!a || a.user_id !== actor.id) throw notFound('quiz attempt', attemptId);
  const m = (await findMaterial(deps.db, a.material_id))!;
  const ids = fromJson<string[]>(a.question_ids, []);
  if (answers.length !== ids.length)
    throw new AppError('validation_failed', { summary: '/body/answers' }, [
      {
        path: '/body/answers',
        code: 'answers_count',
        zh: `须回答全部 ${ids.length} 题`,
        en: `Answer all ${ids.length} questions`,
      },
    ]);
  const byId = new Map((await questionsByIds(deps.db, ids)).map((q) => [q.id, q]));
  const correct = ids.map((id, i) => byId.get(id)?.answer === answers[i]);
  const result = score(correct.filter(Boolean).length, ids.length, m.pass_pct);
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const submitted = await submitAttempt(uow.db, attemptId, {
      answers: toJson(answers),
      score_pct: result.scorePct,
      passed: result.passed ? 1 : 0,
      submitted_at: uow.nowIso,
    });
    if (!submitted)
      throw new AppError('invalid_state', { state: 'submitted', action: 'submit_quiz', allowed: '—' });
    if (result.passed) await markPassed(uow.db, actor.id!, a.material_id, uow.nowIso);
    await uow.audit({
      action: 'learning.quiz_submitted',
      entityType: 'learning_attempt',
      entityId: attemptId,
      data: { materialId: a.material_id, seq: a.seq, scorePct: result.scorePct, passed: result.passed },
    });
  });
  return { attemptId, ...result, passPct: m.pass_pct, attemptsLeft: m.max_attempts - a.seq, correct };
}
