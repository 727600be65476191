import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import '../i18n';
import i18n from '../i18n';

// jsdom lacks what antd's responsive parts and charts measure with.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// antd asks for ::before styles (scrollbar size), which jsdom does not implement; the element's own will do.
const computed = window.getComputedStyle.bind(window);
window.getComputedStyle = (elt: Element) => computed(elt);

// A test waits for the page to get where it expects (findBy…, waitFor), however long a loaded machine
// takes; the limit only ends a test that would never get there, well inside the test's own timeout.
configure({ asyncUtilTimeout: 15_000 });

// A component test fails when React or antd complain (wrong props, deprecated APIs, act warnings).
let complaints: string[] = [];
beforeEach(async () => {
  complaints = [];
  await i18n.changeLanguage('zh-CN');
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      complaints.push(`console.${level}: ${args.map(String).join(' ')}`);
    });
  }
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.cookie = 'ow_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  if (complaints.length > 0) throw new Error(`unexpected console output:\n${complaints.join('\n')}`);
});
