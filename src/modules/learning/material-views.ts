import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fromJson } from '../../shared/json.js';
import { attemptsOf, findStudy, type MaterialRow } from './repository.js';
import type { MaterialViewT } from './schemas.js';
import { isComplete, type Section } from './volumes.js';

type Versions = {
  material_id: string;
  version_no: number;
  sections: string;
  format: string;
  created_at: string;
  note: string | null;
}[];

/** A user's record on a material: time, sections of the current version, attempts, completion. */
export async function myRecord(
  db: Kysely<Database>,
  userId: string | null,
  m: MaterialRow,
  sectionsTotal: number,
  questions: number,
) {
  const study = userId ? await findStudy(db, userId, m.id) : undefined;
  const attempts = userId ? (await attemptsOf(db, userId, m.id)).filter((a) => a.submitted_at !== null) : [];
  const sectionsDone =
    study && study.version_no === m.current_version_no ? fromJson<number[]>(study.sections_done, []) : [];
  const passed = attempts.some((a) => a.passed === 1);
  const hasQuiz = m.quiz_size > 0 && questions > 0;
  return {
    seconds: study?.seconds ?? 0,
    sectionsDone,
    attemptsUsed: attempts.length,
    passed,
    bestScorePct: attempts.length ? Math.max(...attempts.map((a) => a.score_pct ?? 0)) : null,
    complete: isComplete(sectionsTotal, sectionsDone, hasQuiz, passed),
  };
}

export async function materialView(
  db: Kysely<Database>,
  userId: string | null,
  m: MaterialRow,
  versions: Versions,
  questions: number,
): Promise<MaterialViewT> {
  const mine = versions.filter((v) => v.material_id === m.id);
  const current = mine.find((v) => v.version_no === m.current_version_no);
  const sections = fromJson<Section[]>(current?.sections, []);
  return {
    id: m.id,
    volume: m.volume,
    topic: m.topic,
    title: m.title,
    ruleCode: m.rule_code,
    versionNo: m.current_version_no,
    format: current?.format ?? 'text',
    sections,
    versions: mine.map((v) => ({
      versionNo: v.version_no,
      format: v.format,
      createdAt: v.created_at,
      note: v.note,
    })),
    quizSize: m.quiz_size,
    passPct: m.pass_pct,
    maxAttempts: m.max_attempts,
    questionCount: questions,
    mine: await myRecord(db, userId, m, sections.length, questions),
    version: m.version,
  };
}
