import type { Explanation } from './types';

export type Colour = 'green' | 'yellow' | 'red';

export interface BoardRow {
  departmentId: string | null;
  code: string | null;
  name: string | null;
  green: number;
  yellow: number;
  red: number;
  paused: number;
}

export interface Board {
  departments: BoardRow[];
  totals: { green: number; yellow: number; red: number; paused: number };
}

export interface ClockView {
  id: string;
  subjectType: string;
  subjectId: string;
  parentId: string | null;
  label: string;
  departmentId: string | null;
  itemId: string | null;
  status: string;
  colour: Colour;
  startDate: string;
  limitDays: number;
  extensionDays: number;
  pausedDays: number;
  pausedSince: string | null;
  dueDate: string;
  provisional: boolean;
  yellowAt: string | null;
  overdueAt: string;
  remainingWorkingDays: number | null;
  elapsedPct: number | null;
  startedAt: string;
  stoppedAt: string | null;
  outcome: string | null;
  version: number;
  explanation?: Explanation[];
  history?: {
    seq: number;
    kind: string;
    at: string;
    actorId: string | null;
    data: Record<string, unknown>;
  }[];
}

export interface Signal {
  id: string;
  kind: string;
  severity: string;
  title: string;
  titleEn: string;
  clockId: string | null;
  subjectType: string;
  subjectId: string;
  departmentId: string | null;
  raisedAt: string;
  status: string;
  data: Record<string, unknown>;
}

export interface Order {
  id: string;
  clockId: string;
  label: string;
  dueDate: string;
  subjectType: string;
  subjectId: string;
  departmentId: string | null;
  status: 'open' | 'answered' | 'closed';
  openedAt: string;
  answerClockId: string | null;
  answerDueDate: string | null;
  answerColour: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  closedAt: string | null;
  closeNote: string | null;
  version: number;
}
