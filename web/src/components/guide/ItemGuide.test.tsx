import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { user } from '../../test/user';
import i18n from '../../i18n';
import type { ItemDetail } from '../../api/types';
import { renderApp } from '../../test/render';
import food from '../../test/fixtures/item-food-licence.json';
import property from '../../test/fixtures/item-property-registration.json';
import { ItemGuide } from './ItemGuide';

// Fixtures are real responses of GET /api/v1/items/{code} from the demo catalogue.
const foodItem = food as unknown as ItemDetail;
const propertyItem = property as unknown as ItemDetail;

describe('ItemGuide', () => {
  it('lays out 食品经营许可 as a person reads it', () => {
    renderApp(<ItemGuide item={foodItem} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('食品经营许可');
    // at a glance: visits, limits, class, fees
    const facts = screen.getByRole('region', { name: '办理须知' });
    expect(within(facts).getByText('零跑动')).toBeTruthy();
    expect(within(facts).getByText('5 个工作日')).toBeTruthy();
    expect(within(facts).getByText('20 个工作日')).toBeTruthy();
    expect(within(facts).getByText('承诺件')).toBeTruthy();
    expect(within(facts).getByText('不收费')).toBeTruthy();
    // where and when, whom to call
    const where = screen.getByRole('region', { name: '办理地点和时间' });
    expect(within(where).getByText('E04')).toBeTruthy();
    expect(within(where).getByText('0571-88101012').closest('a')!.getAttribute('href')).toBe(
      'tel:0571-88101012',
    );
    expect(within(where).getByText(foodItem.hours)).toBeTruthy();
    // responsibility, commitment, legal basis, conditions, procedure
    expect(screen.getByText('市市场监管局副局长 梁静怡')).toBeTruthy();
    expect(screen.getByText(foodItem.commitment)).toBeTruthy();
    expect(screen.getByText(/《中华人民共和国食品安全法》/)).toBeTruthy();
    expect(screen.getAllByRole('listitem').some((li) => li.textContent === foodItem.conditions[0])).toBe(
      true,
    );
    expect(screen.getByText('现场核查', { selector: 'td' })).toBeTruthy();
    expect(screen.getByText('本事项不收取任何费用。')).toBeTruthy();
  });

  it('shows the materials as a checklist with form, copies, required, 容缺 and source', async () => {
    renderApp(<ItemGuide item={foodItem} />);
    const list = screen.getByRole('list', { name: '申请材料清单' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(foodItem.materials.length);
    const plan = rows.find((r) => r.textContent!.includes('主要设备设施清单'))!;
    for (const tag of ['必交', '复印件', '1 份', '可容缺后补', '申请人提交'])
      expect(within(plan).getByText(tag)).toBeTruthy();
    const licence = rows.find((r) => r.textContent!.includes('营业执照'))!;
    expect(within(licence).queryByRole('checkbox')).toBeNull(); // obtained by the agency: nothing to bring
    expect(within(licence).getByText('部门共享，免提交')).toBeTruthy();
    const proxy = rows.find((r) => r.textContent!.includes('授权委托书'))!;
    expect(within(proxy).getByText('视情况提交')).toBeTruthy();

    expect(screen.getByText('必交材料已备 0 / 6')).toBeTruthy();
    await user.click(within(plan).getByRole('checkbox', { name: /主要设备设施清单/ }));
    expect(screen.getByText('必交材料已备 1 / 6')).toBeTruthy();
  });

  it('shows fees with their amounts in yuan and their basis', () => {
    renderApp(<ItemGuide item={propertyItem} />);
    const fees = screen.getByRole('region', { name: '收费' });
    expect(within(fees).getByText('不动产登记费（住宅类）')).toBeTruthy();
    expect(within(fees).getByText('¥80.00')).toBeTruthy();
    expect(within(fees).getByText('¥550.00')).toBeTruthy();
    expect(within(fees).getAllByText(/发改价格规〔2016〕2559号/).length).toBeGreaterThan(0);
  });

  it('reads in English with the same data', async () => {
    await i18n.changeLanguage('en');
    renderApp(<ItemGuide item={foodItem} />);
    expect(screen.getByRole('region', { name: 'What to bring' })).toBeTruthy();
    expect(screen.getByText('No visit needed')).toBeTruthy();
    expect(screen.getByText('5 working days')).toBeTruthy();
    expect(screen.getAllByText('May follow later (容缺)').length).toBe(2);
    expect(screen.getByText('This item is free of charge.')).toBeTruthy();
    // one unambiguous date, never 11/27/2026 (published 2026-11-26T21:03Z is the 27th in Beijing)
    const line = screen.getByText(/^Item code /).textContent!;
    expect(line).toMatch(/published 27 Nov 2026, 05:03$/);
    expect(line).not.toMatch(/\d+\/\d+\/\d{4}/);
  });

  it('names the item and its department in English when the catalogue gives the names, the official name beneath', async () => {
    await i18n.changeLanguage('en');
    const named: ItemDetail = {
      ...foodItem,
      nameEn: 'Food Business Licence',
      department: { ...foodItem.department!, nameEn: 'Qinghe Administration for Market Regulation' },
    };
    renderApp(<ItemGuide item={named} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Food Business Licence');
    expect(screen.getByText('食品经营许可').getAttribute('lang')).toBe('zh-CN');
    expect(screen.getByRole('link', { name: 'Qinghe Administration for Market Regulation' })).toBeTruthy();
  });
});
