import { afterEach, describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { theme } from 'antd';
import { renderApp } from '../test/render';

/** A matchMedia whose `(prefers-reduced-motion: reduce)` answer the test sets and changes. */
function fakeMotionSetting(reduce: boolean) {
  const listeners = new Set<() => void>();
  let matches = reduce;
  const original = window.matchMedia;
  window.matchMedia = (query: string) =>
    ({
      get matches() {
        return query === '(prefers-reduced-motion: reduce)' ? matches : false;
      },
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: (_: string, l: () => void) => listeners.add(l),
      removeEventListener: (_: string, l: () => void) => listeners.delete(l),
      dispatchEvent: () => false,
    }) as unknown as MediaQueryList;
  return {
    set(next: boolean) {
      matches = next;
      listeners.forEach((l) => l());
    },
    listening: () => listeners.size,
    restore: () => (window.matchMedia = original),
  };
}

function Motion() {
  const { token } = theme.useToken();
  return <output aria-label="motion">{String(token.motion)}</output>;
}

describe('less motion when the reader asks for it', () => {
  let setting: ReturnType<typeof fakeMotionSetting> | undefined;
  afterEach(() => setting?.restore());

  it('turns antd motion off while the system asks for reduced motion, and back on when it no longer does', () => {
    setting = fakeMotionSetting(true);
    const { unmount } = renderApp(<Motion />);
    expect(screen.getByLabelText('motion').textContent).toBe('false');
    act(() => setting!.set(false));
    expect(screen.getByLabelText('motion').textContent).toBe('true');
    act(() => setting!.set(true));
    expect(screen.getByLabelText('motion').textContent).toBe('false');
    unmount();
    expect(setting.listening()).toBe(0);
  });

  it('keeps motion for a reader who has not asked', () => {
    setting = fakeMotionSetting(false);
    renderApp(<Motion />);
    expect(screen.getByLabelText('motion').textContent).toBe('true');
  });
});
