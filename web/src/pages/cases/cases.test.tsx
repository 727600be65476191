import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { fill, user } from '../../test/user';
import i18n from '../../i18n';
import { renderApp } from '../../test/render';
import type { CaseView } from '../../api/cases';
import { sketch } from '../../test/sketch';
import { CaseActions } from './CaseActions';

const base = sketch<CaseView>({
  id: 'c1',
  receiptNo: 'QH20260000001',
  title: '我要开餐馆（一件事）',
  state: 'received',
  shortfall: false,
  channel: 'online',
  committedDays: 7,
  applicant: { kind: 'person', name: '张小明', id: '110105********002X', phone: null },
  checkCode: 'ABCD1234',
  submittedAt: null,
  acceptanceDate: null,
  decision: null,
  completedAt: null,
  version: 3,
  latestHash: null,
  items: [],
  materials: [
    {
      id: 'm1',
      name: '印章印模',
      required: true,
      deferrable: false,
      status: 'missing',
      fileId: null,
      deferredUntil: null,
    },
    {
      id: 'm2',
      name: '公司章程',
      required: true,
      deferrable: false,
      status: 'provided',
      fileId: 'f1',
      deferredUntil: null,
    },
  ],
  tasks: [],
  documents: [],
  clocks: { acceptance: null, case: null, delivery: null },
  history: [],
  allowedActions: [],
});

afterEach(() => vi.unstubAllGlobals());

describe('case actions', () => {
  it('show only what the server allows', async () => {
    await i18n.changeLanguage('zh-CN');
    renderApp(
      <CaseActions c={{ ...base, allowedActions: ['supplement', 'withdraw'] }} onDone={() => undefined} />,
    );
    const group = await screen.findByRole('group', { name: '可办理的操作' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent?.replace(/\s/g, '')),
    ).toEqual(['补正材料', '撤回申请']);
  });

  it('nothing allowed, nothing shown', () => {
    renderApp(<CaseActions c={base} onDone={() => undefined} />);
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('the one-time notice sends each picked material once with its requirement and the version read', async () => {
    await i18n.changeLanguage('zh-CN');
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(init.body as string));
      return new Response(
        JSON.stringify({ result: {}, case: { ...base, state: 'awaiting_supplement', version: 4 } }),
        { headers: { 'content-type': 'application/json' } },
      );
    });
    const done = vi.fn();
    renderApp(
      <CaseActions c={{ ...base, allowedActions: ['request_supplement', 'accept'] }} onDone={done} />,
    );
    await user.click(await screen.findByRole('button', { name: '一次性告知补正' }));
    const dialog = await screen.findByRole('dialog');
    // The missing required material is already ticked.
    expect((within(dialog).getByRole('checkbox', { name: '印章印模' }) as HTMLInputElement).checked).toBe(
      true,
    );
    await fill(within(dialog).getByLabelText('补正要求：印章印模'), '上传印模');
    expect(within(dialog).getByRole('region', { name: '告知书预览' }).textContent).toContain(
      '印章印模：上传印模',
    );
    await user.click(within(dialog).getByRole('button', { name: '发送告知书' }));
    await vi.waitFor(() => expect(done).toHaveBeenCalled());
    expect(bodies[0]).toEqual({ version: 3, items: [{ name: '印章印模', requirement: '上传印模' }] });
  });
});
