import { describe, expect, it } from 'vitest';
import { checkCreditCode, checkResidentId, creditCodeCheckChar, residentIdCheckChar } from './id-checks';

const today = new Date('2026-11-27T00:00:00Z');

describe('resident ID numbers (GB 11643)', () => {
  it('accept a number whose check character fits, in either case of X', () => {
    expect(checkResidentId('11010519491231002X', today)).toBeNull();
    expect(checkResidentId(' 11010519491231002x ', today)).toBeNull();
  });

  it('say why a number is wrong', () => {
    expect(checkResidentId('110105194912310021', today)).toBe('check_char');
    expect(checkResidentId('11010519490230002X', today)).toBe('birth_date'); // 30 February
    expect(checkResidentId('110105202701010011', today)).toBe('birth_date'); // born after today
    expect(checkResidentId('1101051949123100', today)).toBe('format');
    expect(checkResidentId('11010519491231002Y', today)).toBe('format');
  });

  it('every other check character is refused', () => {
    const first17 = '44030419900307123';
    const right = residentIdCheckChar(first17);
    for (const c of '0123456789X')
      expect(checkResidentId(first17 + c, today), c).toBe(c === right ? null : 'check_char');
  });
});

describe('unified social credit codes (GB 32100)', () => {
  it('accept a code whose check character fits', () => {
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
    expect(checkCreditCode('91330900MA2A1B2C34')).toBeNull();
  });

  it('say why a code is wrong', () => {
    expect(checkCreditCode('91350100M000100Y44')).toBe('check_char');
    expect(checkCreditCode('91350100M000100Y4')).toBe('format');
    expect(checkCreditCode('91350100M000100I43')).toBe('format'); // I is not in the alphabet
    expect(checkCreditCode('01350100M000100Y43')).toBe('format'); // no registering authority 0
  });

  it('every other check character is refused', () => {
    const first17 = '91330900MA2A1B2C3';
    const right = creditCodeCheckChar(first17);
    for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY')
      expect(checkCreditCode(first17 + c), c).toBe(c === right ? null : 'check_char');
  });
});
