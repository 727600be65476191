import { describe, expect, it } from 'vitest';
import { formValue } from './CaseDetailPage';

describe('formValue', () => {
  it('shows nested answers as pairs instead of [object Object]', () => {
    expect(formValue({ 'FEE-BDC-DJ': 2, 'FEE-BDC-GB': 120 })).toBe('FEE-BDC-DJ: 2；FEE-BDC-GB: 120');
    expect(formValue(['热食类', '冷食类'])).toBe('热食类、冷食类');
    expect(formValue('清河市人民路1号')).toBe('清河市人民路1号');
    expect(formValue(null)).toBe('');
  });
});
