import { describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { adminApi } from './admin';
import { catalogueApi } from './catalogue';
import { fakeFetch } from '../test/render';

describe('the browser client', () => {
  it('takes the CSRF token from the ow_csrf cookie and the language from i18n', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    vi.stubGlobal('fetch', fakeFetch({ '/api/v1/catalogue/summary': { departments: 31 } }, calls));
    document.cookie = 'ow_csrf=cookie-token; path=/';
    await i18n.changeLanguage('en');
    await adminApi.saveSynonyms([]).catch(() => undefined);
    await catalogueApi.summary();
    const [put, get] = calls;
    expect(put!.init!.method).toBe('PUT');
    expect((put!.init!.headers as Record<string, string>)['x-csrf-token']).toBe('cookie-token');
    expect((put!.init!.headers as Record<string, string>)['accept-language']).toBe('en');
    expect(get!.url).toBe('/api/v1/catalogue/summary');
    expect(put!.init!.credentials).toBe('same-origin');
  });
});
