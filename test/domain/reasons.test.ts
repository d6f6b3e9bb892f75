import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fmt } from '../../server/domain/reasons.js';

const viaIcu = (n: number) => (Number.isInteger(n) ? n : Math.round(n * 100) / 100).toLocaleString('en-US');

describe('number formatting in reasons', () => {
  it('prints what toLocaleString("en-US") prints after rounding to 2 places, for any number', () => {
    const anyNumber = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer(),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((x) => x / 1000),
    );
    fc.assert(
      fc.property(anyNumber, (n) => {
        if (Object.is(n, -0) || Object.is(Math.round(n * 100) / 100, -0)) return; // prints "0", not ICU's "-0"
        expect(fmt(n)).toBe(viaIcu(n));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    [1190, '1,190'],
    [-1234567.891, '-1,234,567.89'],
    [0.004, '0'],
    [300, '300'],
    [12.5, '12.5'],
    [-0, '0'],
  ])('%s → %s', (n, want) => expect(fmt(n)).toBe(want));

  it('passes text through', () => {
    expect(fmt('萧山区')).toBe('萧山区');
    expect(fmt(undefined)).toBe('');
  });
});
