import { describe, expect, it } from 'vitest';
import {
  filterVillages,
  periodsFrom,
  quarterStart,
  readFilter,
  townshipsOf,
  VILLAGE_CODE,
  writeFilter,
} from './village-admin';
import { mayManageVillages, villageDepartments } from './roles';

const villages = [
  { township: '城关镇', overdue: 1 },
  { township: '河口乡', overdue: 0 },
  { township: '城关镇', overdue: 0 },
];

describe('village admin helpers', () => {
  it('keeps the filter in the address and reads it back', () => {
    const p = writeFilter(new URLSearchParams('lang=en'), { township: '城关镇', overdueOnly: true });
    expect(p.get('lang')).toBe('en');
    expect(readFilter(p)).toEqual({ township: '城关镇', overdueOnly: true });
    expect(writeFilter(p, { township: null, overdueOnly: false }).toString()).toBe('lang=en');
    expect(readFilter(new URLSearchParams())).toEqual({ township: null, overdueOnly: false });
  });

  it('filters by township and overdue, and lists the townships once', () => {
    expect(filterVillages(villages, { township: '城关镇', overdueOnly: false })).toHaveLength(2);
    expect(filterVillages(villages, { township: null, overdueOnly: true })).toEqual([villages[0]]);
    expect(filterVillages(villages, { township: '河口乡', overdueOnly: true })).toEqual([]);
    expect(townshipsOf(villages)).toHaveLength(2);
  });

  it('offers periods from the one holding a day, across the year', () => {
    expect(periodsFrom('monthly', '2026-11-30', 3)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(periodsFrom('quarterly', '2026-11-30', 3)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2']);
    expect(quarterStart('2026-11-30')).toBe('2026-10-01');
    expect(quarterStart('2026-03-31')).toBe('2026-01-01');
  });

  it('checks a code as the server does', () => {
    expect(VILLAGE_CODE.test('CGZ-BS')).toBe(true);
    expect(VILLAGE_CODE.test('城关-1')).toBe(false);
    expect(VILLAGE_CODE.test('')).toBe(false);
  });
});

describe('who manages villages', () => {
  const depts = [{ id: 'mzj' }, { id: 'scj' }];
  it('mirrors the server: administrators any department, clerks and heads their own', () => {
    expect(villageDepartments({ role: 'admin', departmentId: null }, depts)).toEqual(depts);
    expect(villageDepartments({ role: 'clerk', departmentId: 'mzj' }, depts)).toEqual([{ id: 'mzj' }]);
    expect(villageDepartments({ role: 'reviewer', departmentId: 'mzj' }, depts)).toEqual([]);
    expect(villageDepartments(null, depts)).toEqual([]);
    expect(mayManageVillages({ role: 'head', departmentId: 'scj' }, 'mzj')).toBe(false);
  });
});
