import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, within } from '@testing-library/react';
import i18n from '../../i18n';
import { fakeFetch, renderApp } from '../../test/render';
import { user } from '../../test/user';
import { sketch } from '../../test/sketch';
import type { CaseTask, CaseView } from '../../api/cases';
import { CaseActions, TaskActions } from './CaseActions';

configure({ asyncUtilTimeout: 10_000 });
afterEach(() => vi.unstubAllGlobals());

const task = sketch<CaseTask>({
  id: 't1',
  department: { id: 'd-wjw', code: 'WJW', name: '卫生健康委' },
  itemId: 'i2',
  state: 'reviewing',
  decision: null,
  reasons: [],
  decidedAt: null,
  clock: null,
});
const c = sketch<CaseView>({
  id: 'c1',
  receiptNo: 'QH20260000007',
  title: '我要开餐馆（一件事）',
  state: 'under_review',
  applicant: { kind: 'enterprise', name: '清河市味道餐饮有限公司', id: null, phone: null },
  version: 5,
  items: [
    { itemId: 'i1', name: '食品经营许可', versionNo: 1, role: 'lead', department: null },
    { itemId: 'i2', name: '公共场所卫生许可', versionNo: 1, role: 'co', department: null },
  ],
  materials: [
    { id: 'm1', name: '营业执照', required: true, deferrable: false, status: 'missing', fileId: null },
  ],
  tasks: [task],
  records: [],
  allowedActions: ['decide_task', 'accept'],
});

describe('decisions with safeguards', () => {
  it('the decision dialog names the item decided, preselects nothing, and wants reasons for a refusal', async () => {
    await i18n.changeLanguage('zh-CN');
    const calls: { url: string; init?: RequestInit }[] = [];
    vi.stubGlobal('fetch', fakeFetch({}, calls));
    renderApp(<TaskActions c={c} task={task} onDone={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: '作出决定' }));
    const dialog = await screen.findByRole('dialog', { name: '审批决定：公共场所卫生许可（卫生健康委）' });
    expect(within(dialog).getByText(/受理编号 QH20260000007/)).toBeTruthy();
    for (const r of within(dialog).getAllByRole('radio')) expect((r as HTMLInputElement).checked).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: '提交' }));
    expect(await within(dialog).findByText('请选择准予或不予')).toBeTruthy();
    await user.click(within(dialog).getByRole('radio', { name: /^不予/ }));
    await user.click(within(dialog).getByRole('button', { name: '提交' }));
    expect(await within(dialog).findByText('不予许可须写明理由')).toBeTruthy();
    expect(calls.filter((x) => x.init?.method === 'POST')).toEqual([]);
  });

  it('a 容缺 promise outstanding allows no decision; a lapsed one, only a refusal', async () => {
    await i18n.changeLanguage('zh-CN');
    vi.stubGlobal('fetch', fakeFetch({}));
    const deferred = (deferredUntil: string) => ({
      ...c,
      materials: [
        {
          id: 'm2',
          name: '设备清单',
          required: true,
          deferrable: true,
          status: 'deferred',
          fileId: null,
          deferredUntil,
        },
      ],
    });
    const { unmount } = renderApp(<TaskActions c={deferred('2999-12-31')} task={task} onDone={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: '作出决定' }));
    let dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/尚未补齐/)).toBeTruthy();
    expect((within(dialog).getByRole('radio', { name: /^准予/ }) as HTMLInputElement).disabled).toBe(true);
    expect((within(dialog).getByRole('radio', { name: /^不予/ }) as HTMLInputElement).disabled).toBe(true);
    unmount();
    renderApp(<TaskActions c={deferred('2000-01-03')} task={task} onDone={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: '作出决定' }));
    dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/逾期未补齐.*只能作出不予许可决定/)).toBeTruthy();
    expect((within(dialog).getByRole('radio', { name: /^准予/ }) as HTMLInputElement).disabled).toBe(true);
    expect((within(dialog).getByRole('radio', { name: /^不予/ }) as HTMLInputElement).disabled).toBe(false);
  });

  it('the accept confirmation names the missing material instead of saying 材料齐全', async () => {
    await i18n.changeLanguage('zh-CN');
    vi.stubGlobal('fetch', fakeFetch({}));
    renderApp(<CaseActions c={{ ...c, state: 'received' }} onDone={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: '受理' }));
    expect(await screen.findByText(/尚缺必需材料：营业执照/)).toBeTruthy();
    expect(screen.queryByText(/材料齐全/)).toBeNull();
  });
});
