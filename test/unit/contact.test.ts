import { describe, expect, it } from 'vitest';
import { dialString, internationalDigits, smsHref, telHref, whatsappHref } from '../../src/lib/contact.ts';

describe('contact links', () => {
  it('dials numbers as written, keeping short codes and a leading plus', () => {
    expect(telHref('0800-1000')).toBe('tel:08001000');
    expect(telHref('+62 21 2924 4800')).toBe('tel:+622129244800');
    expect(telHref('129')).toBe('tel:129');
    expect(smsHref('1708')).toBe('sms:1708');
    expect(dialString(' 0811 8080 141 ')).toBe('08118080141');
  });

  it('turns Indonesian mobile numbers into wa.me links', () => {
    expect(whatsappHref('0811-8080-141')).toBe('https://wa.me/628118080141');
    expect(whatsappHref('08111-129-129')).toBe('https://wa.me/628111129129');
    expect(internationalDigits('+62 812 9007 0027')).toBe('6281290070027');
  });

  it('refuses a number that is not Indonesian rather than guessing', () => {
    expect(() => internationalDigits('811-8080')).toThrow(/not an Indonesian number/);
  });
});
