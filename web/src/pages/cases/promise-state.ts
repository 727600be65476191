/** What a reviewer may decide while a 容缺 promise stands (the server's rule in cases/decide-task.ts). */
export type PromiseState =
  | { kind: 'none' }
  /** materials promised and not yet in, the deadline not passed: no decision yet */
  | { kind: 'outstanding'; deadline: string; names: string[] }
  /** the deadline passed with materials still out: the promise is broken, only a refusal is possible */
  | { kind: 'lapsed'; deadline: string; names: string[] };

/** `today` is the center's day (todayInBeijing), compared with the materials' deadlines as dates. */
export function promiseState(
  materials: readonly { name: string; status: string; deferredUntil?: string | null }[],
  today: string,
): PromiseState {
  const out = materials.filter((m) => m.status === 'deferred');
  if (!out.length) return { kind: 'none' };
  const deadlines = out.map((m) => m.deferredUntil ?? '');
  const deadline = deadlines.reduce((a, b) => (a > b ? a : b));
  const names = out.map((m) => m.name);
  return deadlines.every((d) => d !== '' && d < today)
    ? { kind: 'lapsed', deadline, names }
    : { kind: 'outstanding', deadline, names };
}
