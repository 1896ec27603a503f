import { formatDate, formatDateTime, formatMoney } from '../../src/i18n/format';

describe('formatting for Indian consumers', () => {
  it('writes money as rupees with Indian grouping in both languages', () => {
    expect(formatMoney(123456, 'en')).toBe('₹1,23,456.00');
    expect(formatMoney(123456, 'hi')).toBe('₹1,23,456.00');
    expect(formatMoney(-236.4, 'en')).toBe('-₹236.40');
  });

  it('shows times in IST whatever the server zone', () => {
    // 18:30 UTC is midnight in India, the next day.
    expect(formatDateTime('2026-11-28T18:30:00.000Z', 'en')).toBe('29 Nov 2026, 12:00 am');
    expect(formatDate('2026-11-28T18:30:00.000Z', 'en')).toBe('29 Nov 2026');
    expect(formatDateTime('2026-11-28T06:00:00.000Z', 'hi')).toMatch(/2026, 11:30/);
  });
});
