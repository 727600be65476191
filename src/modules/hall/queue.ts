import type { HallConfig, PriorityReason } from '../../config/hall-config.js';
import { checkResidentId } from '../identity/id-checks.js';

/** A waiting ticket as the queue orders it: higher priority first, then who queued first. */
export interface Queued {
  id: string;
  priority: number;
  queued_at: string;
}

/**
 * The calling order as one text that sorts ascending (priority is 0-9, higher first; then who queued
 * first): the queue's index then hands out the next ticket without sorting the whole queue.
 */
export const queueKey = (priority: number, queuedAt: string, id: string): string =>
  `${9 - priority}|${queuedAt}|${id}`;

/** The calling order; the same order as queueKey (priority desc, queued_at, id). */
export function compareQueued(a: Queued, b: Queued): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.queued_at !== b.queued_at) return a.queued_at < b.queued_at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** How many are ahead of each waiting ticket, by id. */
export function positions(waiting: readonly Queued[]): Map<string, number> {
  return new Map([...waiting].sort(compareQueued).map((t, i) => [t.id, i]));
}

/**
 * The estimated wait: those ahead, served by the staffed windows in parallel, each taking the
 * group's service time (one window is assumed when none is staffed yet).
 */
export const estimatedWaitMinutes = (ahead: number, serviceMinutes: number, staffedWindows: number): number =>
  Math.ceil((ahead * serviceMinutes) / Math.max(1, staffedWindows));

/** The age in whole years on a day of the holder of a resident ID (YYYYMMDD at positions 7-14). */
export function ageOn(idNumber: string, today: string): number {
  const birth = idNumber.slice(6, 14);
  const [y, m, d] = [Number(birth.slice(0, 4)), birth.slice(4, 6), birth.slice(6, 8)];
  const [ty, tmd] = [Number(today.slice(0, 4)), today.slice(5, 7) + today.slice(8, 10)];
  return ty - y - (tmd < m + d ? 1 : 0);
}

/** Whether a resident ID proves its holder old enough for the elderly priority. */
export function provesElderly(idNumber: string, today: string, now: Date, elderlyAge: number): boolean {
  return checkResidentId(idNumber, now) === null && ageOn(idNumber.toUpperCase(), today) >= elderlyAge;
}

/** The highest of the weights the ticket's reasons earn (0 without any), and which one it was. */
export function priorityOf(
  reasons: readonly PriorityReason[],
  weights: HallConfig['priority'],
): { priority: number; reason: PriorityReason | null } {
  let best: { priority: number; reason: PriorityReason | null } = { priority: 0, reason: null };
  for (const r of reasons) if (weights[r] > best.priority) best = { priority: weights[r], reason: r };
  return best;
}
