import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import i18n from '../../i18n';
import { fakeFetch, renderApp } from '../../test/render';
import BundlesPage from './BundlesPage';
import BundleDetailPage from './BundleDetailPage';
import SearchPage from './SearchPage';
import ApplyPage from '../cases/ApplyPage';

const RESTAURANT_EN = 'Opening a Restaurant (one matter)';
const restaurant = {
  id: 'b1',
  code: 'YJS-KCG',
  name: '我要开餐馆（一件事）',
  nameEn: RESTAURANT_EN,
  description: '一次告知、一表申请、一窗受理、并联审批。',
  committedDays: 7,
  keywords: ['开餐馆'],
  leadDepartment: {
    id: 'd1',
    code: 'SCJ',
    name: '清河市市场监督管理局',
    nameEn: 'Qinghe Administration for Market Regulation',
  },
  items: [
    {
      id: 'i1',
      code: 'SCJ-XK-004',
      name: '食品经营许可',
      nameEn: 'Food Business Licence',
      department: {
        code: 'SCJ',
        name: '清河市市场监督管理局',
        nameEn: 'Qinghe Administration for Market Regulation',
      },
      committedDays: 7,
      handlingClass: 'commitment',
    },
    {
      id: 'i2',
      code: 'GAJ-BA-001',
      name: '公章刻制备案',
      nameEn: null,
      department: { code: 'GAJ', name: '清河市公安局', nameEn: null },
      committedDays: 1,
      handlingClass: 'commitment',
    },
  ],
  materials: [],
  version: 1,
};
const birth = { id: 'b2', code: 'YJS-ECS', name: '新生儿出生（一件事）', nameEn: null };

function serve() {
  vi.stubGlobal(
    'fetch',
    fakeFetch({
      '/api/v1/auth/me': { id: 'u1', username: 'citizen', role: 'applicant', departmentId: null },
      '/api/v1/bundles': {
        items: [
          { ...restaurant, itemCount: 2 },
          { ...birth, description: '一次办理', committedDays: 1, itemCount: 2, keywords: [] },
        ],
      },
      '/api/v1/bundles/YJS-KCG': restaurant,
      '/api/v1/search': {
        query: '开餐馆',
        terms: ['开餐馆'],
        items: [],
        bundles: [
          { ...restaurant, score: 4 },
          { ...birth, committedDays: 1, score: 1 },
        ],
      },
    }),
  );
}
afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage('zh-CN');
});

describe('bundles on the English pages', () => {
  it('the list names each bundle in English, or in Chinese when it has no English name', async () => {
    await i18n.changeLanguage('en');
    serve();
    renderApp(<BundlesPage />);
    expect(await screen.findByRole('link', { name: RESTAURANT_EN })).toBeTruthy();
    expect(screen.getByRole('link', { name: birth.name })).toBeTruthy();
    expect(screen.queryByText(restaurant.name)).toBeNull();
  });

  it("the bundle's page names it, its lead department and its items in English", async () => {
    await i18n.changeLanguage('en');
    serve();
    renderApp(
      <Routes>
        <Route path="/bundles/:code" element={<BundleDetailPage />} />
      </Routes>,
      '/bundles/YJS-KCG',
    );
    expect(await screen.findByRole('heading', { level: 1, name: RESTAURANT_EN })).toBeTruthy();
    expect(
      screen.getByText(/Qinghe Administration for Market Regulation/, { selector: '.ant-tag' }),
    ).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('link', { name: 'Food Business Licence' })).toBeTruthy();
    expect(within(table).getByRole('link', { name: '公章刻制备案' })).toBeTruthy();
    expect(within(table).getByText('清河市公安局')).toBeTruthy();
  });

  it('search results name the bundles in English', async () => {
    await i18n.changeLanguage('en');
    serve();
    renderApp(<SearchPage />, '/search?q=开餐馆');
    expect(await screen.findByRole('link', { name: RESTAURANT_EN })).toBeTruthy();
    expect(screen.getByRole('link', { name: birth.name })).toBeTruthy();
  });

  it("the application's title names the bundle in English, and in Chinese on the Chinese pages", async () => {
    await i18n.changeLanguage('en');
    serve();
    const page = renderApp(
      <Routes>
        <Route path="/apply" element={<ApplyPage />} />
      </Routes>,
      '/apply?bundle=YJS-KCG',
    );
    expect(await screen.findByRole('heading', { level: 1, name: `Apply: ${RESTAURANT_EN}` })).toBeTruthy();
    page.unmount();
    await i18n.changeLanguage('zh-CN');
    renderApp(
      <Routes>
        <Route path="/apply" element={<ApplyPage />} />
      </Routes>,
      '/apply?bundle=YJS-KCG',
    );
    expect(await screen.findByRole('heading', { level: 1, name: `申请：${restaurant.name}` })).toBeTruthy();
  });
});
