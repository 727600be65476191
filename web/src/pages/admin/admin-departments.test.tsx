import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import i18n from '../../i18n';
import { fakeFetch, renderApp } from '../../test/render';
import { fill, user } from '../../test/user';
import AdminDepartmentsPage from './AdminDepartmentsPage';

const scj = {
  id: 'd1',
  code: 'SCJ',
  name: '清河市市场监督管理局',
  nameEn: 'Qinghe Administration for Market Regulation',
  shortName: '市市场监管局',
  shortNameEn: 'Market Regulation',
  creditCode: '11330900MB1740001A',
  leader: '王敏',
  leaderTitle: '局长',
  phone: '0571-1234567',
  complaintPhone: '12315',
  windows: ['A01'],
  hours: '周一至周五 9:00-17:00',
  address: '清河市人民路1号',
  version: 4,
};
const zrj = {
  ...scj,
  id: 'd2',
  code: 'ZRJ',
  name: '清河市自然资源和规划局',
  nameEn: null,
  shortName: '市自然资源局',
  shortNameEn: null,
};

function asAdmin(calls: { url: string; init?: RequestInit }[]) {
  document.cookie = 'ow_csrf=t; path=/';
  vi.stubGlobal(
    'fetch',
    fakeFetch(
      {
        '/api/v1/auth/me': { id: 'u1', username: 'admin', role: 'admin', departmentId: null },
        '/api/v1/departments': { items: [scj, zrj], total: 2 },
        '/api/v1/admin/departments/d1': { ...scj, version: 5 },
        '/api/v1/admin/departments': { ...zrj, id: 'd3' },
      },
      calls,
    ),
  );
  renderApp(<AdminDepartmentsPage />, '/admin/departments');
}
afterEach(() => vi.unstubAllGlobals());

const sent = (calls: { url: string; init?: RequestInit }[], method: string) => {
  const call = calls.find((c) => c.init?.method === method && c.url.includes('/admin/departments'));
  return call ? (JSON.parse(String(call.init!.body)) as Record<string, unknown>) : undefined;
};

describe('the administrators’ departments', () => {
  it('list the English name under the Chinese one, and only when there is one', async () => {
    await i18n.changeLanguage('zh-CN');
    asAdmin([]);
    const row = (await screen.findByText('清河市市场监督管理局')).closest('tr')!;
    expect(within(row).getByText('Qinghe Administration for Market Regulation').getAttribute('lang')).toBe(
      'en',
    );
    const other = screen.getByText('清河市自然资源和规划局').closest('tr')!;
    expect(other.querySelector('[lang="en"]')).toBeNull();
  });

  it('edit the English names: a changed one is saved trimmed, a cleared one as none', async () => {
    await i18n.changeLanguage('zh-CN');
    const calls: { url: string; init?: RequestInit }[] = [];
    asAdmin(calls);
    await user.click(await screen.findByRole('button', { name: '编辑 市市场监管局' }));
    const dialog = await screen.findByRole('dialog', { name: '编辑部门' });
    const full = within(dialog).getByRole('textbox', { name: '英文全称' });
    const short = within(dialog).getByRole('textbox', { name: '英文简称' });
    expect((full as HTMLInputElement).value).toBe('Qinghe Administration for Market Regulation');
    expect((short as HTMLInputElement).value).toBe('Market Regulation');
    await user.clear(full);
    await fill(full, '  Qinghe Market Regulation Bureau ');
    await user.clear(short);
    await fill(short, '   ');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(sent(calls, 'PUT')).toBeDefined());
    expect(sent(calls, 'PUT')).toMatchObject({
      code: 'SCJ',
      name: '清河市市场监督管理局',
      nameEn: 'Qinghe Market Regulation Bureau',
      shortNameEn: null,
      version: 4,
    });
  });

  it('create a department without English names in English: both sent as none', async () => {
    await i18n.changeLanguage('en');
    const calls: { url: string; init?: RequestInit }[] = [];
    asAdmin(calls);
    await user.click(await screen.findByRole('button', { name: 'New department' }));
    const dialog = await screen.findByRole('dialog', { name: 'New department' });
    const field = (name: string) => within(dialog).getByRole('textbox', { name });
    expect(field('English full name')).toBeTruthy();
    expect(field('English short name')).toBeTruthy();
    await fill(field('Code'), 'ZRJ');
    await fill(field('Full name'), zrj.name);
    await fill(field('Short name'), zrj.shortName);
    await fill(field('Unified social credit code'), zrj.creditCode);
    await fill(field("Leader's name"), zrj.leader);
    await fill(field("Leader's title"), zrj.leaderTitle);
    await fill(field('Enquiries phone'), zrj.phone);
    await fill(field('Complaints phone'), zrj.complaintPhone);
    await fill(field('Hours'), zrj.hours);
    await fill(field('Address'), zrj.address);
    await user.click(within(dialog).getByRole('button', { name: /Save/ }));
    await waitFor(() => expect(sent(calls, 'POST')).toBeDefined());
    expect(sent(calls, 'POST')).toMatchObject({ code: 'ZRJ', nameEn: null, shortNameEn: null });
    await i18n.changeLanguage('zh-CN');
  });
});
