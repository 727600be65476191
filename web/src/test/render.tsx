import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '../AppProviders';

/** Renders a page or component inside the app's providers and a router at `path`. */
export function renderApp(ui: ReactElement, path = '/') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AppProviders>{ui}</AppProviders>
    </MemoryRouter>,
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
