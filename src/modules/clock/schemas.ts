import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../shared/schema-helpers.js';

/** One step of why a deadline falls where it does (explainClock). */
export const Explanation = Type.Object({
  code: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
});

/** A clock as presentClock shows it; explanation and history only when its events were read. */
export const ClockView = Type.Object(
  {
    id: Type.String(),
    subjectType: Type.String(),
    subjectId: Type.String(),
    parentId: Nullable(Type.String()),
    label: Type.String(),
    departmentId: Nullable(Type.String()),
    itemId: Nullable(Type.String()),
    status: Type.String(),
    colour: StringEnum(['green', 'yellow', 'red'] as const),
    startDate: Type.String(),
    limitDays: Type.Integer(),
    extensionDays: Type.Integer(),
    pausedDays: Type.Integer(),
    pausedSince: Nullable(Type.String()),
    dueDate: Type.String(),
    provisional: Type.Boolean(),
    yellowAt: Nullable(Type.String()),
    overdueAt: Type.String(),
    remainingWorkingDays: Nullable(Type.Integer()),
    elapsedPct: Nullable(Type.Integer()),
    startedAt: Type.String(),
    stoppedAt: Nullable(Type.String()),
    outcome: Nullable(Type.String()),
    version: Type.Integer(),
    explanation: Type.Optional(Type.Array(Explanation)),
    history: Type.Optional(
      Type.Array(
        Type.Object({
          seq: Type.Integer(),
          kind: Type.String(),
          at: Type.String(),
          actorId: Nullable(Type.String()),
          data: Type.Record(Type.String(), Type.Unknown()),
        }),
      ),
    ),
  },
  {
    title: 'ClockView',
    description:
      'a clock: status, colour, due date, remaining working days, and (in detail) its explanation and history',
  },
);

/** The states of a proposed year's holiday notice. */
export const PROPOSAL_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
