import { describe, expect, it } from 'vitest';
import { normalizeIndonesianMobile } from '../../src/lib/phone.ts';

describe('normalizeIndonesianMobile', () => {
  it('accepts the ways people write the same number', () => {
    for (const input of [
      '0812-3456-7890',
      '081234567890',
      '+6281234567890',
      '+62 812 3456 7890',
      '62 812-3456-7890',
      '(0812) 3456.7890',
      '81234567890',
      ' 0812 3456 7890 ',
    ]) {
      expect(normalizeIndonesianMobile(input), input).toBe('+6281234567890');
    }
  });

  it('accepts 9 to 12 digits after the country code and nothing shorter or longer', () => {
    expect(normalizeIndonesianMobile('0812345678')).toBe('+62812345678'); // 9 digits
    expect(normalizeIndonesianMobile('0812345678901')).toBe('+62812345678901'); // 12 digits
    expect(normalizeIndonesianMobile('081234567')).toBeUndefined(); // 8 digits
    expect(normalizeIndonesianMobile('08123456789012')).toBeUndefined(); // 13 digits
    expect(normalizeIndonesianMobile('+628123456789012')).toBeUndefined();
  });

  it('rejects numbers that are not mobile numbers', () => {
    expect(normalizeIndonesianMobile('0721-123456')).toBeUndefined(); // Bandar Lampung landline
    expect(normalizeIndonesianMobile('+62721123456')).toBeUndefined();
    expect(normalizeIndonesianMobile('+6581234567')).toBeUndefined(); // Singapore
    expect(normalizeIndonesianMobile('+60123456789')).toBeUndefined(); // Malaysia
  });

  it('rejects doubled or unknown prefixes', () => {
    expect(normalizeIndonesianMobile('62081234567890')).toBeUndefined();
    expect(normalizeIndonesianMobile('+62+6281234567890')).toBeUndefined();
    expect(normalizeIndonesianMobile('006281234567890')).toBeUndefined();
    expect(normalizeIndonesianMobile('+081234567890')).toBeUndefined();
    expect(normalizeIndonesianMobile('00812345678')).toBeUndefined();
  });

  it('rejects letters, other symbols and empty input', () => {
    expect(normalizeIndonesianMobile('')).toBeUndefined();
    expect(normalizeIndonesianMobile('   ')).toBeUndefined();
    expect(normalizeIndonesianMobile('0812-3456-789O')).toBeUndefined();
    expect(normalizeIndonesianMobile('0812/3456/7890')).toBeUndefined();
    expect(normalizeIndonesianMobile('0812 3456 7890 ext 1')).toBeUndefined();
    expect(normalizeIndonesianMobile('０８１２３４５６７８９０')).toBeUndefined();
  });
});
