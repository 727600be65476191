import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { ItemDetail } from '../../api/types';
import { renderApp } from '../../test/render';
import food from '../../test/fixtures/item-food-licence.json';
import { ItemGuide } from './ItemGuide';

const base = food as unknown as ItemDetail;
const SHA = 'ab'.repeat(32);
// The fixture's first material with a blank form and a sample, as the demo publishes them.
const item: ItemDetail = {
  ...base,
  materials: base.materials.map((m, i) =>
    i === 0 ? { ...m, blankFormFileId: 'f-blank', sampleFileId: 'f-sample' } : m,
  ),
  materialFiles: [
    { id: 'f-blank', name: '申请书（空白表格）.pdf', mime: 'application/pdf', size: 20_480, sha256: SHA },
    { id: 'f-sample', name: '申请书（示范文本）.pdf', mime: 'application/pdf', size: 30_720, sha256: SHA },
  ],
};

describe('the guide’s blank forms and samples', () => {
  it('links each material’s blank form and sample of the guide’s version, with name, size and hash', () => {
    renderApp(<ItemGuide item={item} />);
    const list = screen.getByRole('list', { name: '申请材料清单' });
    const first = within(list).getAllByRole('listitem')[0]!;
    const blank = within(first).getByRole('link', { name: /下载空白表格：申请书（空白表格）\.pdf/ });
    expect(blank.getAttribute('href')).toBe(
      `/api/v1/items/${encodeURIComponent(item.id)}/material-files/f-blank?version=${item.version.no}`,
    );
    expect(blank.getAttribute('data-sha256')).toBe(SHA);
    expect(blank.textContent).toContain('20 KB');
    expect(within(first).getByRole('link', { name: /下载示范文本/ })).toBeTruthy();
    // The other materials name none, so show none.
    expect(within(list).getAllByRole('link', { name: /下载/ })).toHaveLength(2);
  });
});
