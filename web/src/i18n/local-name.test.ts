import { describe, expect, it } from 'vitest';
import { localName, localShortName } from './local-name';

describe('localName', () => {
  const food = { name: '食品经营许可', nameEn: 'Food Business Licence' };

  it('gives the English name on the English pages', () => {
    expect(localName(food, 'en')).toBe('Food Business Licence');
  });

  it('gives the Chinese name in Chinese, whatever the English one', () => {
    expect(localName(food, 'zh-CN')).toBe('食品经营许可');
  });

  it('falls back to the Chinese name when there is no English one, or a blank one', () => {
    expect(localName({ name: '不动产登记' }, 'en')).toBe('不动产登记');
    expect(localName({ name: '不动产登记', nameEn: null }, 'en')).toBe('不动产登记');
    expect(localName({ name: '不动产登记', nameEn: '  ' }, 'en')).toBe('不动产登记');
  });
});

describe('localShortName', () => {
  const scj = {
    name: '清河市市场监督管理局',
    nameEn: 'Qinghe Administration for Market Regulation',
    shortName: '市市场监管局',
    shortNameEn: 'Market Regulation',
  };

  it('prefers the English short name, then the English name, then the Chinese short name', () => {
    expect(localShortName(scj, 'en')).toBe('Market Regulation');
    expect(localShortName({ ...scj, shortNameEn: null }, 'en')).toBe(
      'Qinghe Administration for Market Regulation',
    );
    expect(localShortName({ ...scj, shortNameEn: null, nameEn: null }, 'en')).toBe('市市场监管局');
    expect(localShortName(scj, 'zh-CN')).toBe('市市场监管局');
  });
});
