import { describe, expect, it } from 'vitest';
import { promiseState } from './promise-state';

const m = (name: string, status: string, deferredUntil: string | null = null) => ({
  name,
  status,
  deferredUntil,
});

describe('promiseState', () => {
  it('nothing deferred: no promise in the way', () => {
    expect(promiseState([m('申请书', 'provided'), m('清单', 'provided', null)], '2026-12-03')).toEqual({
      kind: 'none',
    });
  });
  it('outstanding on and before the deadline day, lapsed only after it', () => {
    const ms = [
      m('申请书', 'provided'),
      m('设备清单', 'deferred', '2026-12-02'),
      m('制度', 'deferred', '2026-12-02'),
    ];
    expect(promiseState(ms, '2026-12-02')).toEqual({
      kind: 'outstanding',
      deadline: '2026-12-02',
      names: ['设备清单', '制度'],
    });
    expect(promiseState(ms, '2026-12-03').kind).toBe('lapsed');
  });
  it('a deferred material without a deadline is never taken as lapsed', () => {
    expect(promiseState([m('清单', 'deferred', null)], '2030-01-01').kind).toBe('outstanding');
  });
});
