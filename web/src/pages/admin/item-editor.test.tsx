import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import i18n from '../../i18n';
import type { ItemDetail } from '../../api/types';
import { fakeFetch, renderApp } from '../../test/render';
import { fill, user } from '../../test/user';
import food from '../../test/fixtures/item-food-licence.json';
import propertyJson from '../../test/fixtures/item-property-registration.json';
import ItemEditorPage from './ItemEditorPage';

const v1 = food as unknown as ItemDetail;
const property = propertyJson as unknown as ItemDetail;
const [first, ...rest] = v1.materials;
// Version 2 shortens the promised time, adds a material, drops a condition and adds a fee line.
const v2: ItemDetail = {
  ...v1,
  committedDays: 3,
  materials: [...v1.materials, { ...first!, name: '食品安全管理制度', required: false, notes: undefined }],
  conditions: v1.conditions.slice(1),
  fees: [{ ...property.fees[0]!, feeCode: 'FEE-SC-TSSB', name: '特种设备检验费', note: '按件收取' }],
  version: { ...v1.version, id: 'v2', no: 2, status: 'draft', publishedAt: null },
};
void rest;

const ITEM = 'i1';
const versions = {
  item: {
    id: ITEM,
    code: v1.code,
    status: 'published',
    version: 4,
    currentVersionId: v1.version.id,
    latestVersionNo: 2,
  },
  versions: [
    {
      id: v1.version.id,
      no: 1,
      status: 'published',
      name: v1.name,
      createdAt: v1.version.createdAt,
      createdBy: null,
      publishedAt: v1.version.publishedAt,
      publishedBy: null,
    },
    {
      id: 'v2',
      no: 2,
      status: 'draft',
      name: v1.name,
      createdAt: '2026-12-01T02:00:00.000Z',
      createdBy: null,
      publishedAt: null,
      publishedBy: null,
    },
  ],
};

function asAdmin(calls: { url: string; init?: RequestInit }[]) {
  document.cookie = 'ow_csrf=t; path=/';
  vi.stubGlobal(
    'fetch',
    fakeFetch(
      {
        '/api/v1/auth/me': { id: 'u1', username: 'admin', role: 'admin', departmentId: null },
        '/api/v1/departments': { items: [v1.department], total: 1 },
        '/api/v1/admin/fees': {
          items: [{ code: 'FEE-SC-TSSB', name: '特种设备检验费' }],
          total: 1,
        },
        [`/api/v1/admin/items/${ITEM}/versions`]: versions,
        [`/api/v1/items/${ITEM}/versions/1`]: v1,
        [`/api/v1/items/${ITEM}/versions/2`]: v2,
        [`/api/v1/admin/items/${ITEM}/publish`]: { itemId: ITEM, versionNo: 2 },
      },
      calls,
    ),
  );
  renderApp(
    <Routes>
      <Route path="/admin/items/:id" element={<ItemEditorPage />} />
    </Routes>,
    `/admin/items/${ITEM}`,
  );
}
// The test render keeps only the styles that hide elements; a text area that sizes itself to its
// text reads its padding and border, which jsdom then has none of (NaN).
const sizing = document.createElement('style');
sizing.textContent = 'textarea { padding: 0; border: 0 solid; }';
beforeEach(() => document.head.appendChild(sizing));
afterEach(() => {
  sizing.remove();
  vi.unstubAllGlobals();
});

describe('publishing an item version is confirmed with its changes, a preview and a comment', () => {
  it('shows what changes against the published version, the guide to be published, and sends the comment', async () => {
    await i18n.changeLanguage('zh-CN');
    const calls: { url: string; init?: RequestInit }[] = [];
    asAdmin(calls);
    await screen.findByRole('heading', { level: 1, name: v1.name });
    const [publish] = await screen.findAllByRole('button', { name: '发布' });
    await waitFor(() => expect(publish!.hasAttribute('disabled')).toBe(false));
    await user.click(publish!);

    const dialog = await screen.findByRole('dialog', { name: `发布“${v1.name}”第 2 版` });
    await within(dialog).findByRole('heading', { name: '与现行第 1 版相比，第 2 版的变更' });
    const row = (field: string) => dialog.querySelector<HTMLElement>(`[data-field="${field}"]`);
    // the time limit: before → after, marked as affecting applicants
    expect(row('committedDays')!.textContent).toContain('承诺时限（工作日）');
    expect(row('committedDays')!.textContent).toContain('影响办事群众');
    expect(within(row('committedDays')!).getByLabelText('原为：5 个工作日')).toBeTruthy();
    expect(within(row('committedDays')!).getByLabelText('改为：3 个工作日')).toBeTruthy();
    // a list: what was added and removed, by name
    expect(within(row('materials')!).getByLabelText(/^新增：食品安全管理制度（视情况提交/)).toBeTruthy();
    expect(within(row('conditions')!).getByLabelText(`删除：${v1.conditions[0]}`)).toBeTruthy();
    expect(
      within(row('fees')!).getByLabelText('新增：特种设备检验费（FEE-SC-TSSB）（按件收取）'),
    ).toBeTruthy();
    // unchanged fields are not listed; the key ones come first
    expect(row('statutoryDays')).toBeNull();
    expect(row('name')).toBeNull();
    const order = [...dialog.querySelectorAll('[data-field]')].map((e) => e.getAttribute('data-field'));
    expect(order).toEqual(['committedDays', 'materials', 'conditions', 'fees']);

    // the guide as it will read
    const preview = within(dialog).getByRole('region', { name: '发布后的办事指南预览' });
    expect(within(preview).getByRole('heading', { level: 2, name: v1.name })).toBeTruthy();
    expect(within(preview).getAllByText('3 个工作日').length).toBeGreaterThan(0);
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);

    // no comment, no publication
    await user.click(within(dialog).getByRole('button', { name: '确认发布' }));
    expect(await within(dialog).findByText('请填写发布说明（2 至 500 字）')).toBeTruthy();
    expect(calls.some((c) => c.url.endsWith('/publish'))).toBe(false);

    await fill(within(dialog).getByLabelText('发布说明'), '依据市政府办公室通知，承诺时限压缩为 3 个工作日');
    await user.click(within(dialog).getByRole('button', { name: '确认发布' }));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/publish'))).toBe(true));
    const sent = calls.find((c) => c.url.endsWith('/publish'))!;
    expect(JSON.parse(String(sent.init!.body))).toEqual({
      version: 4,
      comment: '依据市政府办公室通知，承诺时限压缩为 3 个工作日',
    });
  });

  it('reads in English', async () => {
    await i18n.changeLanguage('en');
    asAdmin([]);
    const [publish] = await screen.findAllByRole('button', { name: 'Publish' });
    await waitFor(() => expect(publish!.hasAttribute('disabled')).toBe(false));
    await user.click(publish!);
    const dialog = await screen.findByRole('dialog', { name: `Publish “${v1.name}” version 2` });
    const row = await waitFor(() => dialog.querySelector<HTMLElement>('[data-field="committedDays"]')!);
    expect(within(row).getByLabelText('Was: 5 working days')).toBeTruthy();
    expect(within(row).getByLabelText('Now: 3 working days')).toBeTruthy();
    expect(within(dialog).getByText('Publication comment')).toBeTruthy();
  });
});

describe('the item editor has a section list', () => {
  it('links every section and moves the focus to the one chosen', async () => {
    await i18n.changeLanguage('zh-CN');
    vi.stubGlobal('scrollTo', () => {}); // jsdom does not scroll
    asAdmin([]);
    const nav = await screen.findByRole('navigation', { name: '表单各部分' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      '基本信息',
      '时限与办理方式',
      '申请材料',
      '受理条件',
      '办理流程',
      '特殊环节',
      '收费',
      '地点、电话和承诺',
      '设定依据',
    ]);
    for (const l of links) expect(document.querySelector(l.getAttribute('href')!)).not.toBeNull();
    await user.click(within(nav).getByRole('link', { name: '申请材料' }));
    expect(document.activeElement).toBe(screen.getByRole('region', { name: '申请材料' }));
  });
});
