// Enterprise inspections (扫码入企) in a real browser against the real server and its demo data: the
// enterprise prints its code sign; at the door, on a phone-sized screen, anyone who scans the code sees
// what is registered for today — departments, items with their basis, inspectors with certificate
// numbers, the allowed length; the inspector starts the visit from the same page; the enterprise
// follows its inspections in its account, and the public statistics show the department.
//
// The whole path, in Chinese at 1280 px and in English at 390 px, every page checked with axe: the
// department publishes an item → registers an inspection (first refused at the credit code field by
// the department's own cap, then for another enterprise) → the inspector scans the enterprise's code
// to start → ends the visit and records a penalty outside the discretion band (a reason required) and
// the record is issued → the enterprise opens its page with its check code, signs for the record and
// rates the inspection → the supervisor sees the penalty on the overview and opens the inspection.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y, E2E_DATABASES, e2eSuite, login, ROOT, screenshot } from './harness';
import { creditCodeCheckChar } from '../src/domain/id-checks';

const sqliteSuite = e2eSuite();
const suite = sqliteSuite;
const PHONE = { width: 390, height: 844 };

describe('an inspection verified and started at the door', () => {
  it('sign → verify at the door (phone) → inspector starts the visit → enterprise history → statistics', async () => {
    const enterprise = await suite.api('enterprise');
    const sign = await enterprise<{ code: string; url: string }>('GET', '/enterprise/sign');
    assert.match(sign.url, new RegExp(`/inspect/${sign.code}$`));

    await suite.withPage({}, async ({ page }) => {
      await login(page, 'enterprise');
      await page.goto('/enterprise/sign');
      await page.getByRole('heading', { name: '涉企检查 扫码入企' }).waitFor();
      await page.getByRole('img', { name: '企业码二维码' }).locator('svg').waitFor();
      await page.getByText(/本企业核验码/).waitFor();
      await screenshot(page, 'inspection-sign');
    });

    await suite.withPage(PHONE, async ({ page }) => {
      await page.goto(`/inspect/${sign.code}`);
      await page.getByRole('heading', { name: '清河市味道餐饮管理有限公司' }).waitFor();
      await page.getByText(/刘检（执法证号 SC-2026-0001/).waitFor();
      await page.getByText(/消防安全检查 — 《中华人民共和国消防法》/).waitFor();
      assert.equal(await page.getByText('联合检查').count(), 2, 'both departments come as one joint visit');
      assert.equal(
        await page.getByRole('button', { name: '扫码开始检查' }).count(),
        0,
        'only inspectors start a visit',
      );
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the page fits a phone (${width}px wide)`);
      await screenshot(page, 'inspection-verify-phone');
    });

    await suite.withPage(PHONE, async ({ page }) => {
      await login(page, 'inspector.scj');
      await page.goto(`/inspect/${sign.code}`);
      await page.getByRole('button', { name: '扫码开始检查' }).click();
      await page.getByText(/检查 JC\d+ 已开始/).waitFor();
      await page.getByText('检查中').first().waitFor();
      await screenshot(page, 'inspection-started-phone');
    });

    await suite.withPage({}, async ({ page }) => {
      await login(page, 'enterprise');
      await page.goto('/enterprise/inspections');
      await page.getByRole('heading', { name: '本企业接受的检查' }).waitFor();
      await page.getByRole('cell', { name: '检查中' }).first().waitFor();
      await page.goto('/inspections/stats');
      await page.getByRole('cell', { name: '清河市市场监督管理局' }).waitFor();
    });
  });
});

type Lang = 'zh-CN' | 'en';
const DICTS: Record<Lang, Record<string, unknown>> = {
  'zh-CN': JSON.parse(fs.readFileSync(path.join(ROOT, 'web/src/i18n/zh-CN.json'), 'utf8')),
  en: JSON.parse(fs.readFileSync(path.join(ROOT, 'web/src/i18n/en.json'), 'utf8')),
};
/** The page's own text for a key, in the language of the pass, with {{placeholders}} filled. */
const text = (lang: Lang, key: string, vars: Record<string, string | number> = {}) => {
  const v = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], DICTS[lang]);
  assert.equal(typeof v, 'string', key);
  return (v as string).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));
};
/** antd puts a space between the two characters of a two-character Chinese button. */
const button = (label: string) => new RegExp(`^${[...label].join('\\s*')}$`);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DEMO_ENTERPRISE = '91350100M000100Y43';
const todayInBeijing = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Picks options of an antd select by its label, typing each to find it; a multiple one is closed by a click on the dialog's title. */
async function choose(page: Page, label: string, options: string[]) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  for (const o of options) {
    await input.fill(o);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: o })
      .first()
      .click();
  }
  if (options.length > 1) await page.locator('.ant-modal-title:visible').first().click();
}

// The whole path on every database the stories run on: SQLite with the file's server, PostgreSQL with its own.
for (const database of E2E_DATABASES)
  describe(`an inspection from publication to the overview, in both languages (${database})`, () => {
    const suite = database === 'sqlite' ? sqliteSuite : e2eSuite(undefined, { database });
    for (const [n, lang, viewport] of [
      [1, 'zh-CN', { width: 1280, height: 900 }],
      [2, 'en', { width: 390, height: 844 }],
    ] as const) {
      it(`${lang} at ${viewport.width}px: publish → register (one refusal) → scan → penalty → record → verify, sign, rate → overview`, async () => {
        const T = (key: string, vars?: Record<string, string | number>) => text(lang, key, vars);
        const opts = { ...viewport, language: lang };
        const first17 = `91370100MA3E2E00${n}`;
        const credit = first17 + creditCodeCheckChar(first17);
        const enterpriseName = lang === 'en' ? `Qinghe Tea House ${n} Ltd.` : `清河市茶舍${n}有限公司`;
        const itemCode = `SC-E2E-0${n}`;
        const itemName = lang === 'en' ? `Tea house hygiene check ${n}` : `茶饮店卫生检查${n}`;
        const anon = await fetch(`${suite.baseUrl}/api/v1/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            kind: 'enterprise',
            username: `teahouse${n}`,
            displayName: enterpriseName,
            password: 'OneWindow2026',
            creditCode: credit,
          }),
        });
        assert.equal(anon.status, 201, await anon.text());

        // The department's head publishes an inspection item.
        await suite.withPage(opts, async ({ page }) => {
          await login(page, 'head');
          await page.goto('/inspections/publish');
          await page.getByRole('heading', { name: T('inspections.publishTitle') }).waitFor();
          await page.getByRole('button', { name: T('inspections.publishItem') }).click();
          const dialog = page.getByRole('dialog');
          await dialog.getByLabel(T('inspections.code')).fill(itemCode);
          await dialog.getByLabel(T('inspections.itemName')).fill(itemName);
          await dialog.getByLabel(T('inspections.basis')).fill('《中华人民共和国食品安全法》第一百一十条');
          await dialog
            .getByLabel(T('inspections.subjects'))
            .fill(lang === 'en' ? 'Tea houses' : '茶饮经营者');
          await dialog.getByLabel(T('inspections.method')).fill(lang === 'en' ? 'On site' : '现场检查');
          await dialog.getByLabel(T('inspections.frequency')).fill(lang === 'en' ? 'Once a year' : '每年1次');
          await checkA11y(page, `publish an item (${lang})`);
          await dialog.getByRole('button', { name: button(T('inspections.publish')) }).click();
          await page.getByRole('cell', { name: itemCode }).waitFor();
          await page.getByText(T('inspections.standardsTab'), { exact: true }).click();
          await page.getByRole('cell', { name: 'SP-124' }).waitFor();
          await checkA11y(page, `published standards (${lang})`);
        });

        // The supervisors give 市场监管局 its own cap: one inspection of an enterprise a year.
        await suite.withPage(opts, async ({ page }) => {
          await login(page, 'supervisor');
          await page.goto('/inspections/settings');
          await page.getByRole('heading', { name: T('inspections.settingsTitle') }).waitFor();
          await page.getByLabel(T('inspections.setting.totalCap')).waitFor();
          if (n === 1) {
            await page.getByRole('button', { name: T('inspections.addDepartmentCap') }).click();
            await choose(page, T('inspections.department'), ['市场监督管理局']);
            await page.getByLabel(T('inspections.capPerYear')).fill('1');
            await page.getByRole('button', { name: button(T('common.save')) }).click();
            await page.getByText(T('common.saved')).waitFor();
          } else {
            assert.equal(await page.getByLabel(T('inspections.capPerYear')).inputValue(), '1');
          }
          await checkA11y(page, `caps (${lang})`);
        });

        // The head registers: the enterprise already inspected this year is refused at its field.
        await suite.withPage(opts, async ({ page, allow }) => {
          allow(/status of 422/); // the refusal is the point of this step
          await login(page, 'head');
          await page.goto('/inspections');
          await page.getByRole('button', { name: T('inspections.register') }).click();
          const dialog = page.getByRole('dialog');
          await dialog.getByLabel(T('inspections.creditCode')).fill(DEMO_ENTERPRISE);
          await dialog.getByLabel(T('inspections.enterpriseName')).fill('清河市味道餐饮管理有限公司');
          await choose(page, T('inspections.items'), [itemCode]);
          await page.locator('.ant-modal-title:visible').first().click();
          await choose(page, T('inspections.inspectors'), ['SC-2026-0001', 'SC-2026-0002']);
          const date = dialog.getByLabel(T('inspections.plannedDate'));
          await date.click();
          await date.fill(todayInBeijing());
          await date.press('Enter');
          await dialog.locator('.ant-modal-footer .ant-btn-primary').click(); // 登记 / Register
          const refusal = lang === 'en' ? "this department's own cap is 1" : '本部门设定的上限 1 次';
          await dialog.getByText(new RegExp(escape(refusal))).waitFor();
          await checkA11y(page, `registration refused (${lang})`);
          await dialog.getByLabel(T('inspections.creditCode')).fill(credit);
          await dialog.getByLabel(T('inspections.enterpriseName')).fill(enterpriseName);
          await dialog.locator('.ant-modal-footer .ant-btn-primary').click(); // 登记 / Register
          await page.getByText(T('inspections.registeredText')).waitFor();
          await checkA11y(page, `registered (${lang})`);
        });

        // The inspector at the door types the code from the sign; the visit starts.
        const enterprise = await suite.api(`teahouse${n}`);
        const sign = await enterprise<{ code: string; checkCode: string }>('GET', '/enterprise/sign');
        await suite.withPage(opts, async ({ page }) => {
          await login(page, 'inspector.scj');
          await page.goto('/inspections/scan');
          await page.getByLabel(T('inspections.enterpriseCode')).fill(sign.code);
          await page.getByRole('button', { name: T('inspections.startVisit') }).click();
          await page
            .getByText(new RegExp(escape(T('inspections.started', { number: 'JC' })).replace('JC', 'JC\\d+')))
            .waitFor();
          await checkA11y(page, `scan to start (${lang})`);
          await page.getByRole('link', { name: T('inspections.openInspection') }).click();

          // The visit ends; the penalty is outside the band shown, so a reason is asked for.
          await page.getByRole('button', { name: T('inspections.end') }).click();
          await page.getByText(T('inspections.state.ended')).first().waitFor();
          await page.getByRole('button', { name: T('inspections.recordResult') }).click();
          const dialog = page.getByRole('dialog');
          await dialog.getByRole('radio', { name: T('inspections.outcome.penalty') }).check();
          await dialog
            .getByLabel(T('inspections.findings'))
            .fill(lang === 'en' ? 'Expired milk in use.' : '使用过期牛奶。');
          await choose(page, T('inspections.violation'), ['SP-124']);
          await dialog.getByRole('radio', { name: T('inspections.severity.ordinary') }).check();
          await dialog.getByText(/50,000\.00/).waitFor();
          await dialog.getByLabel(T('inspections.fineYuan')).fill('120000');
          await dialog.getByText(T('inspections.outsideStandard')).waitFor();
          await dialog.getByRole('button', { name: T('inspections.resultOk') }).click();
          await dialog.getByText(T('inspections.reasonRequired')).waitFor();
          await checkA11y(page, `result form (${lang})`);
          await dialog
            .getByLabel(T('inspections.reason'))
            .fill(lang === 'en' ? 'Repeated after a warning.' : '警告后再犯。');
          await dialog.getByRole('button', { name: T('inspections.resultOk') }).click();
          await page.getByText(T('inspections.outsideTag'), { exact: true }).waitFor();
          await page.getByRole('link', { name: /\(PDF\)|（PDF）/ }).waitFor();
          await checkA11y(page, `result recorded (${lang})`);
          await screenshot(page, `inspection-result-${lang}`);
        });

        // The enterprise, on the page behind its code, opens its inspections, signs for the record and rates.
        await suite.withPage(opts, async ({ page }) => {
          await page.goto(`/inspect/${sign.code}`);
          await page.getByLabel(T('inspections.checkCodeLabel')).fill(sign.checkCode);
          await page.getByRole('button', { name: T('inspections.ownOpen') }).click();
          await page.getByRole('button', { name: T('inspections.signReceipt') }).click();
          await page.getByText(T('inspections.receivedTag')).waitFor();
          await checkA11y(page, `enterprise signed (${lang})`);
          await page.getByRole('button', { name: T('inspections.rate') }).click();
          await page.getByRole('dialog').locator('.ant-radio-button-wrapper').first().click(); // the best level
          await page
            .getByRole('dialog')
            .getByRole('button', { name: T('ratings.submit') })
            .click();
          await page.getByText(T('ratings.thanks')).waitFor();
        });

        // The supervisor sees the penalty outside its standard on the overview and opens the inspection.
        await suite.withPage(opts, async ({ page }) => {
          await login(page, 'supervisor');
          await page.goto('/inspections/overview');
          await page.getByRole('heading', { name: T('inspections.overviewTitle') }).waitFor();
          await page.locator('[_echarts_instance_] svg').first().waitFor(); // the chart, drawn
          const row = page
            .getByRole('row')
            .filter({ hasText: T('enum.signalKind.inspection_penalty_outside') })
            .filter({ hasText: enterpriseName });
          await page
            .getByRole('row')
            .filter({ hasText: T('enum.signalKind.inspection_over_cap') })
            .first()
            .waitFor();
          await checkA11y(page, `overview (${lang})`);
          await row.getByRole('link').click();
          await page.getByText(T('inspections.outsideTag'), { exact: true }).waitFor();
          await page.getByText(T('inspections.receivedAt')).waitFor();
          await screenshot(page, `inspection-overview-${lang}`);
        });
      });
    }
  });
