import { inLakh, indian, lakhCroreRupees } from './indian-number';

describe('Indian number words', () => {
  it('groups digits the Indian way', () => {
    expect(indian(26250.35, 2)).toBe('26,250.35');
    expect(indian(150000)).toBe('1,50,000');
  });

  it('reads rupees in lakh and crore above a lakh', () => {
    expect(lakhCroreRupees(45_000)).toBe('₹45,000');
    expect(lakhCroreRupees(1_50_000)).toBe('₹1.5 lakh');
    expect(lakhCroreRupees(2_35_00_000)).toBe('₹2.35 crore');
    expect(lakhCroreRupees(-4_00_000)).toBe('−₹4 lakh');
  });

  it('puts open interest in lakh', () => {
    expect(inLakh(16_079_245)).toBe('160.79 L');
  });
});
