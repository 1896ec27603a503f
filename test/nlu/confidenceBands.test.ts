import { confidenceBand, DEFAULT_THRESHOLDS } from '../../src/nlu/confidenceBands';

describe('confidenceBand', () => {
  const thresholds = { actThreshold: 0.65, confirmThreshold: 0.3 };

  it.each([
    [1, 'act'],
    [0.65, 'act'],
    [0.6499, 'confirm'],
    [0.3, 'confirm'],
    [0.2999, 'fallback'],
    [0, 'fallback'],
  ] as const)('%d is %s', (score, band) => {
    expect(confidenceBand(score, thresholds)).toBe(band);
  });

  it('defaults to the measured thresholds', () => {
    expect(DEFAULT_THRESHOLDS).toEqual(thresholds);
  });
});
