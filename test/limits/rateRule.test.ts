import { RateRuleSchema } from '../../src/limits/rateRule';

describe('a rate rule as configuration writes it', () => {
  it.each([
    ['5/24h', { limit: 5, windowSeconds: 86_400 }],
    ['10/1m', { limit: 10, windowSeconds: 60 }],
    ['3/30s', { limit: 3, windowSeconds: 30 }],
    [' 2/7d ', { limit: 2, windowSeconds: 604_800 }],
  ])('reads %s', (text, rule) => {
    expect(RateRuleSchema.parse(text)).toEqual(rule);
  });

  it.each(['5', '5/h', '0/1h', '5/0h', 'five/1h', '5/1w', '-1/1h'])('refuses %s', (text) => {
    expect(RateRuleSchema.safeParse(text).success).toBe(false);
  });
});
