// Every page opens, shows its heading, logs nothing to the console and passes axe-core (no serious or
// critical WCAG 2.1 AA violation): anonymous, administrator and supervisor, in Chinese at desktop
// size and in English at phone size.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkA11y, e2eSuite, login } from './harness';

const { withPage } = e2eSuite();

const PUBLIC: [string, string, string][] = [
  ['/', '清河市政务服务中心', 'Qinghe City Government Service Center'],
  ['/departments', '按部门查找', 'Departments'],
  ['/departments/SCJ', '清河市市场监督管理局', 'Qinghe Administration for Market Regulation'],
  ['/life-events', '按主题查找', 'Life events'],
  ['/fees', '收费目录', 'Fee catalogue'],
  ['/calendar', '工作日计算', 'Working-day calculator'],
  ['/track', '办件查询', 'Track a case'],
  ['/bundles', '一件事', 'Bundles'],
  ['/login', '登录', 'Log in'],
  ['/register', '注册账户', 'Register'],
  ['/no/such/page', '页面不存在', 'Page not found'],
];

const APPLICANT: [string, string, string][] = [
  ['/my/cases', '我的办件', 'My applications'],
  ['/apply?bundle=YJS-KCG', '申请：我要开餐馆（一件事）', 'Apply: Opening a Restaurant (one matter)'],
  [
    '/apply?item=11330900MB1296001F-GG-001',
    '申请：职业技能等级认定',
    'Apply: Vocational Skill Level Certification',
  ],
];

const ADMIN: [string, string, string][] = [
  ['/admin/items', '事项目录', 'Catalogue'],
  ['/admin/items/new', '新建事项', 'New item'],
  ['/admin/departments', '部门管理', 'Departments'],
  ['/admin/bundles', '一件事管理', 'Bundles (one matter)'],
  ['/admin/users', '用户与角色', 'Users and roles'],
  ['/admin/fees', '收费目录管理', 'Fee catalogue'],
  ['/admin/synonyms', '搜索同义词', 'Search synonyms'],
  ['/admin/calendar', '节假日日历', 'Holiday calendar'],
  ['/admin/catalogue', '目录导入导出', 'Import and export'],
  ['/supervision', '红黄灯看板', 'Red/yellow board'],
];

const SUPERVISOR: [string, string, string][] = [
  ['/supervision', '红黄灯看板', 'Red/yellow board'],
  ['/supervision/clocks?colour=red', '计时列表', 'Clocks'],
  ['/supervision/signals', '监察信号', 'Signals'],
  ['/supervision/orders', '督办单', 'Supervision orders'],
];

for (const language of ['zh-CN', 'en'] as const) {
  describe(`every page in ${language}`, () => {
    const visit = (user: string | null, pages: [string, string, string][]) =>
      withPage({ language, ...(language === 'en' ? { width: 390, height: 844 } : {}) }, async ({ page }) => {
        if (user) await login(page, user);
        for (const [path, zh, en] of pages) {
          await page.goto(path);
          const title = language === 'en' ? en : zh;
          await page.getByRole('heading', { name: title, exact: true }).first().waitFor();
          await page.waitForLoadState('networkidle');
          assert.equal(await page.locator('.ant-alert-error').count(), 0, `${path} shows an error`);
          await page.waitForFunction(() => !document.querySelector('.ant-skeleton'));
          await checkA11y(page, `${path} (${language})`);
        }
      });
    it('public pages', () => visit(null, PUBLIC));
    it("the applicant's pages", () => visit('citizen', APPLICANT));
    it('administration', () => visit('admin', ADMIN));
    it('supervision', () => visit('supervisor', SUPERVISOR));
  });
}
