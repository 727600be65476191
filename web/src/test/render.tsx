import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { StyleProvider, type Transformer } from '@ant-design/cssinjs';
import { ConfigProvider } from 'antd';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '../AppProviders';

const SHOWN = new Set(['display', 'visibility', 'pointer-events', 'pointerEvents']);

/**
 * antd's styles with only the declarations that decide whether an element is shown. jsdom matches
 * every rule of the page against an element each time its style is asked for, and testing-library
 * asks for each element and its ancestors on every role query: with antd's full styles that was
 * nearly all of the suite's time. What a query finds depends only on `display` and `visibility`,
 * which keep their rules, so it finds the same elements.
 */
const onlyWhatHides: Transformer = {
  visit: (style) =>
    Object.fromEntries(
      Object.entries(style).filter(
        ([key, value]) =>
          SHOWN.has(key) ||
          (typeof value === 'object' &&
            value !== null &&
            !Array.isArray(value) &&
            !('value' in value) &&
            !('_keyframe' in value)),
      ),
    ),
};

/** Renders a page or component inside the app's providers and a router at `path`. */
export function renderApp(ui: ReactElement, path = '/') {
  return render(
    <StyleProvider transformers={[onlyWhatHides]}>
      <ConfigProvider theme={{ hashed: false }}>
        <MemoryRouter initialEntries={[path]}>
          <AppProviders>{ui}</AppProviders>
        </MemoryRouter>
      </ConfigProvider>
    </StyleProvider>,
  );
}
/** A fetch that answers by URL path with JSON, or with a problem+json for routes it does not know. */
export function fakeFetch(
  routes: Record<string, unknown>,
  calls: { url: string; init?: RequestInit }[] = [],
) {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    calls.push({ url, init });
    const path = new URL(url, 'http://x').pathname;
    if (path in routes)
      return new Response(JSON.stringify(routes[path]), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    return new Response(
      JSON.stringify({ status: 404, code: 'route_not_found', detail: `没有这个接口：GET ${path}` }),
      { status: 404, headers: { 'content-type': 'application/problem+json' } },
    );
  };
}
