// Every role's main path in the browser, in Chinese and English, at desktop (1280px) and phone
// (390px) size: each page visited is checked by axe-core (no serious or critical WCAG 2.1 AA
// violation), has one H1, does not scroll sideways, and is saved as a screenshot under
// test-output/screenshots/portal-<role>-<page>-<language>-<size>.png.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y, e2eSuite, login, screenshot } from './harness';

let caseId = '';
let reviewCaseId = '';
const suite = e2eSuite(async (s) => {
  const clerk = await s.api('clerk');
  const bundle = await clerk<{ materials: { name: string; required: boolean; source: string }[] }>(
    'GET',
    '/bundles/YJS-KCG',
  );
  const made = await clerk<{ case: { id: string; version: number } }>('POST', '/cases', {
    bundleCode: 'YJS-KCG',
    applicant: { kind: 'enterprise', name: '清河市味道餐饮有限公司', creditCode: '91350100M000100Y43' },
    form: { 场所: '清河市滨江路8号' },
    materials: bundle.materials
      .filter((m) => m.required && ['applicant', 'window_check'].includes(m.source))
      .map((m) => ({ name: m.name, paper: true })),
    window: 'E01',
  });
  caseId = made.case.id;
  const second = await clerk<{ case: { id: string; version: number } }>('POST', '/cases', {
    bundleCode: 'YJS-KCG',
    applicant: { kind: 'enterprise', name: '清河市味道餐饮有限公司', creditCode: '91350100M000100Y43' },
    form: { 场所: '清河市滨江路9号' },
    materials: bundle.materials
      .filter((m) => m.required && ['applicant', 'window_check'].includes(m.source))
      .map((m) => ({ name: m.name, paper: true })),
    window: 'E01',
  });
  await clerk('POST', `/cases/${second.case.id}/accept`, { version: second.case.version }).catch(
    () => undefined,
  );
  reviewCaseId = second.case.id;
});
const { withPage } = suite;

const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** Waits for the page to settle, then checks it (axe, one H1, no sideways scrolling) and saves it. */
async function visit(page: Page, path: string, name: string, tag: string) {
  if (path) await page.goto(path);
  await page.waitForLoadState('networkidle');
  // Loaded: no skeleton left and the page's heading shown.
  await page.waitForFunction(
    () => !document.querySelector('.ant-skeleton') && document.querySelector('#main h1') !== null,
  );
  assert.equal(await page.locator('h1').count(), 1, `${name}: one H1`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `${name} scrolls sideways by ${overflow}px (${tag})`);
  await checkA11y(page, `${name} (${tag})`);
  await screenshot(page, `portal-${name}-${tag}`);
}

for (const language of ['zh-CN', 'en'] as const) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    const tag = `${language}-${size}`;
    const zh = language === 'zh-CN';
    describe(`main paths in ${language} at ${size} size`, () => {
      it('a citizen finds 食品经营许可 by a plain need, reads the guide, and follows their applications', async () => {
        await withPage({ language, ...viewport }, async ({ page }) => {
          await visit(page, '/', 'home', tag);
          await page.goto(`/search?q=${encodeURIComponent('我想开餐馆')}`);
          await visit(page, '', 'search', tag);
          const food = zh ? '食品经营许可' : 'Food Business Licence';
          await page.getByRole('link', { name: food, exact: true }).first().click();
          await page.getByRole('heading', { level: 1, name: food }).waitFor();
          await visit(page, '', 'item-guide', tag);
          await visit(page, '/track', 'track', tag);
          await visit(page, '/bundles/YJS-KCG', 'bundle', tag);
          await login(page, 'citizen');
          await visit(page, '/my/cases', 'my-cases', tag);
          await visit(page, '/inbox', 'inbox', tag);
          await visit(page, '/apply?bundle=YJS-KCG', 'apply', tag);
        });
      });

      it('a clerk works the queue and opens a case', async () => {
        await withPage({ language, ...viewport }, async ({ page }) => {
          await login(page, 'clerk');
          await visit(page, '/window', 'window', tag);
          await page.getByText(zh ? /^全部待办 \d+$/ : /^All open \d+$/).waitFor();
          await visit(page, `/cases/${caseId}`, 'case-clerk', tag);
        });
      });

      it('a reviewer and a head work their department’s tasks', async () => {
        await withPage({ language, ...viewport }, async ({ page }) => {
          await login(page, 'reviewer');
          await visit(page, '/workbench', 'workbench', tag);
          await visit(page, `/cases/${reviewCaseId}`, 'case-reviewer', tag);
        });
        await withPage({ language, ...viewport }, async ({ page }) => {
          await login(page, 'head');
          await visit(page, '/workbench', 'workbench-head', tag);
        });
      });

      it('a supervisor follows the board to clocks, signals and orders, each naming its case', async () => {
        await withPage({ language, ...viewport }, async ({ page }) => {
          await login(page, 'supervisor');
          await visit(page, '/supervision', 'board', tag);
          await visit(page, '/supervision/clocks?subjectType=task', 'clocks', tag);
          await visit(page, '/supervision/signals?status=all', 'signals', tag);
          await visit(page, '/supervision/orders', 'orders', tag);
          await page.goto('/supervision/clocks');
          await page.locator('a[href^="/supervision/clocks/"]').first().click();
          await page.waitForURL(/\/supervision\/clocks\/[^/?]+$/);
          await visit(page, '', 'clock-detail', tag);
          assert.equal(await page.locator('.ow-event-data').count(), 0, 'no raw JSON in the history');
        });
      });

      it('an administrator searches the catalogue and opens an item', async () => {
        await withPage({ language, ...viewport }, async ({ page }) => {
          await login(page, 'admin');
          await visit(page, '/admin/items', 'admin-items', tag);
          await visit(page, '/admin/users', 'admin-users', tag);
        });
      });
    });
  }
}
