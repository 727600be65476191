import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable, StringEnum, NOT_BLANK } from '../../shared/schema-helpers.js';
import { STAFF_ROLES } from '../../shared/actor.js';
import { RULE_CODES, VOLUME_CODES } from './volumes.js';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: NOT_BLANK });
const SectionInput = Type.Object({ title: Text(200), body: Text(20000) }, { additionalProperties: false });
const Sections = Type.Array(SectionInput, { minItems: 1, maxItems: 50 });

export const MaterialBody = Type.Object(
  {
    volume: StringEnum(VOLUME_CODES),
    topic: Text(100),
    title: Text(200),
    ruleCode: Type.Optional(StringEnum(RULE_CODES)),
    sections: Sections,
    quizSize: Type.Integer({ minimum: 0, maximum: 50, default: 5 }),
    passPct: Type.Integer({ minimum: 1, maximum: 100, default: 80 }),
    maxAttempts: Type.Integer({ minimum: 1, maximum: 10, default: 3 }),
  },
  { additionalProperties: false },
);
export type MaterialBodyT = Static<typeof MaterialBody>;
export const VersionBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    sections: Sections,
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const QuestionBody = Type.Object(
  {
    prompt: Text(1000),
    options: Type.Array(Text(500), { minItems: 2, maxItems: 6 }),
    answer: Type.Integer({ minimum: 0, maximum: 5, description: 'index of the right option' }),
  },
  { additionalProperties: false },
);
export const AssignmentBody = Type.Object(
  {
    materialId: Type.String({ minLength: 1, maxLength: 100 }),
    role: Type.Optional(StringEnum(STAFF_ROLES as readonly string[])),
    departmentId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    dueDate: IsoDate(),
  },
  { additionalProperties: false },
);
export const StudyBody = Type.Object(
  {
    seconds: Type.Integer({ minimum: 0, maximum: 14400 }),
    sections: Type.Array(Type.Integer({ minimum: 1, maximum: 50 }), { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export const AnswersBody = Type.Object(
  { answers: Type.Array(Type.Integer({ minimum: 0, maximum: 5 }), { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);
export const MaterialQuery = Type.Object({ volume: Type.Optional(StringEnum(VOLUME_CODES)) });
export const ProgressQuery = Type.Object({ departmentId: Type.Optional(Type.String({ maxLength: 100 })) });

export const MyRecord = Type.Object({
  seconds: Type.Integer(),
  sectionsDone: Type.Array(Type.Integer()),
  attemptsUsed: Type.Integer(),
  passed: Type.Boolean(),
  bestScorePct: Nullable(Type.Integer()),
  complete: Type.Boolean(),
});
export const MaterialView = Type.Object({
  id: Type.String(),
  volume: Type.String(),
  topic: Type.String(),
  title: Type.String(),
  ruleCode: Nullable(Type.String()),
  versionNo: Type.Integer(),
  format: Type.String(),
  sections: Type.Array(Type.Object({ title: Type.String(), body: Type.String() })),
  versions: Type.Array(
    Type.Object({
      versionNo: Type.Integer(),
      format: Type.String(),
      createdAt: Type.String(),
      note: Nullable(Type.String()),
    }),
  ),
  quizSize: Type.Integer(),
  passPct: Type.Integer(),
  maxAttempts: Type.Integer(),
  questionCount: Type.Integer(),
  mine: MyRecord,
  version: Type.Integer(),
});
export type MaterialViewT = Static<typeof MaterialView>;
export const MaterialList = Type.Object({
  items: Type.Array(Type.Omit(MaterialView, ['sections', 'versions'])),
});
export const QuizView = Type.Object({
  attemptId: Type.String(),
  seq: Type.Integer(),
  attemptsLeft: Type.Integer(),
  questions: Type.Array(
    Type.Object({ id: Type.String(), prompt: Type.String(), options: Type.Array(Type.String()) }),
  ),
});
export const QuizResult = Type.Object({
  attemptId: Type.String(),
  scorePct: Type.Integer(),
  passed: Type.Boolean(),
  passPct: Type.Integer(),
  attemptsLeft: Type.Integer(),
  correct: Type.Array(Type.Boolean()),
});
export const QuestionList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      prompt: Type.String(),
      options: Type.Array(Type.String()),
      answer: Type.Integer(),
    }),
  ),
});
export const AssignmentView = Type.Object({
  id: Type.String(),
  materialId: Type.String(),
  materialTitle: Type.String(),
  role: Nullable(Type.String()),
  departmentId: Nullable(Type.String()),
  dueDate: Type.String(),
});
export const MyAssignments = Type.Object({
  items: Type.Array(
    Type.Object({ ...AssignmentView.properties, complete: Type.Boolean(), overdue: Type.Boolean() }),
  ),
});
export const ProgressView = Type.Object({
  staff: Type.Array(
    Type.Object({
      userId: Type.String(),
      name: Type.String(),
      role: Type.String(),
      departmentId: Nullable(Type.String()),
      assigned: Type.Integer(),
      completed: Type.Integer(),
      overdue: Type.Integer(),
      studySeconds: Type.Integer(),
    }),
  ),
  departments: Type.Array(
    Type.Object({
      departmentId: Type.String(),
      departmentName: Type.String(),
      staff: Type.Integer(),
      assigned: Type.Integer(),
      completed: Type.Integer(),
      /** completed ÷ assigned, in percent: the measure assessment reads; null when nothing is assigned */
      completionPct: Nullable(Type.Number()),
    }),
  ),
});
