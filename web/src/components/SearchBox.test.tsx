import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { user } from '../test/user';
import { renderApp } from '../test/render';
import { SearchBox } from './SearchBox';

describe('SearchBox', () => {
  it('is a labelled search form that submits the trimmed need with Enter', async () => {
    const onSearch = vi.fn();
    renderApp(<SearchBox onSearch={onSearch} showLabel />);
    expect(screen.getByRole('search')).toBeTruthy();
    const input = screen.getByLabelText('您想办什么事？');
    await user.type(input, '  我想开餐馆  {Enter}');
    expect(onSearch).toHaveBeenCalledWith('我想开餐馆');
  });

  it('says what is wrong instead of searching for nothing', async () => {
    const onSearch = vi.fn();
    renderApp(<SearchBox onSearch={onSearch} />);
    await user.click(screen.getByRole('button', { name: /搜\s*索/ }));
    expect(onSearch).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('请输入要办的事');
    expect(screen.getByLabelText('您想办什么事？').getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses a query longer than the API accepts', () => {
    const onSearch = vi.fn();
    renderApp(<SearchBox onSearch={onSearch} initial={'餐'.repeat(101)} />);
    fireEvent.submit(screen.getByRole('search'));
    expect(onSearch).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('100');
  });
});
