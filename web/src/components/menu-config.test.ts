import { describe, expect, it } from 'vitest';
import { MENU, menuFor, selectedKey, type MenuEntry } from './menu-config';

const t = (k: string) => k;

describe('the menu', () => {
  it("puts a clerk's own page first and gathers the public guide under one entry", () => {
    const m = menuFor('clerk', t);
    expect(m[0]).toMatchObject({ key: '/window' });
    const guide = m.find((n) => n.key === 'group:guide');
    expect(guide?.children?.map((c) => c.key)).toContain('/departments');
    expect(m.some((n) => n.key === '/departments')).toBe(false);
    expect(m.length).toBeLessThanOrEqual(5);
  });

  it("keeps every staff role's top level short enough not to overflow into '…'", () => {
    for (const role of [
      'admin',
      'supervisor',
      'clerk',
      'reviewer',
      'head',
      'complaint_officer',
      'inspector',
    ] as const)
      expect(menuFor(role, t).length, role).toBeLessThanOrEqual(5);
  });

  it("keeps the group of a person's own home page at the top, the other modules under 更多业务", () => {
    const officer = menuFor('complaint_officer', t);
    expect(officer.some((n) => n.key === 'group:complaints')).toBe(true);
    const inspector = menuFor('inspector', t);
    expect(inspector.some((n) => n.key === 'group:inspections')).toBe(true);
    const clerk = menuFor('clerk', t);
    const more = clerk.find((n) => n.key === 'group:more');
    expect(more?.children?.map((c) => c.key)).toEqual(
      expect.arrayContaining(['group:hall', 'group:complaints']),
    );
    expect(clerk.some((n) => n.key === 'group:hall')).toBe(false);
    // Citizens see each module's group at the top level.
    expect(menuFor('applicant', t).some((n) => n.key === 'group:hall')).toBe(true);
  });

  it('shows citizens their own cases right after 首页, then the guide at the top level', () => {
    const m = menuFor('applicant', t);
    expect(m.slice(0, 3).map((n) => n.key)).toEqual(['/', '/my/cases', '/departments']);
    expect(menuFor(null, t).some((n) => n.key === '/my/cases')).toBe(false);
  });

  it('lets a new module add its pages with one entry each', () => {
    const extra: MenuEntry[] = [
      ...MENU,
      { to: '/hall', label: 'nav.hall', group: 'admin', roles: ['admin'] },
    ];
    const admin = menuFor('admin', t, extra).find((n) => n.key === 'group:admin');
    expect(admin?.children?.at(-1)).toMatchObject({ key: '/hall' });
    expect(selectedKey('/hall/queue', extra)).toBe('/hall');
  });

  it('selects the longest matching entry', () => {
    expect(selectedKey('/supervision/clocks/abc')).toBe('/supervision/clocks');
    expect(selectedKey('/supervision')).toBe('/supervision');
    expect(selectedKey('/letters/department')).toBe('/letters/department');
    expect(selectedKey('/items/x')).toBe('');
    expect(selectedKey('/')).toBe('/');
  });
});
