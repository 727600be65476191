import { startServer, launchBrowser, openPage, login, checkA11y } from './harness';
const server = await startServer();
const browser = await launchBrowser();
const pages: [string | null, string[]][] = [
  [null, ['/', '/search?q=%E6%88%91%E6%83%B3%E5%BC%80%E9%A4%90%E9%A6%86', '/items/11330900MB1740001A-XK-004', '/departments', '/life-events', '/fees', '/calendar', '/track', '/bundles', '/bundles/YJS-KCG', '/login', '/register', '/complaints/report', '/complaints/stats']],
  ['citizen', ['/my/cases', '/apply?bundle=YJS-KCG', '/inbox']],
  ['clerk', ['/window', '/complaints/department']],
  ['reviewer', ['/workbench']],
  ['supervisor', ['/supervision', '/supervision/clocks', '/supervision/signals', '/supervision/orders', '/letters']],
  ['admin', ['/admin/items', '/admin/items/new', '/admin/users', '/admin/fees', '/admin/calendar']],
  ['complaints', ['/complaints/workbench']],
];
for (const language of ['zh-CN', 'en'] as const)
  for (const width of [1280, 390]) {
    for (const [user, paths] of pages) {
      const w = await openPage(browser, server.baseUrl, { language, width });
      if (user) await login(w.page, user);
      for (const p of paths) {
        await w.page.goto(p);
        await w.page.waitForLoadState('networkidle');
        await w.page.locator('.ant-skeleton').first().waitFor({ state: 'detached' }).catch(() => undefined);
        try {
          await checkA11y(w.page, `${p} ${language} ${width}`);
        } catch (e) {
          console.log(String((e as Error).message).slice(0, 3000));
        }
        const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 1) console.log(`OVERFLOW ${p} ${language} ${width}: ${overflow}`);
        const h1 = await w.page.locator('h1').count();
        if (h1 !== 1) console.log(`H1 ${p} ${language} ${width}: ${h1}`);
      }
      await w.close();
    }
  }
await browser.close();
await server.stop();
