import { trainNaiveBayes } from '../../../src/nlu/local/naiveBayes';

describe('trainNaiveBayes', () => {
  const model = trainNaiveBayes(
    [
      { features: ['light', 'nahi'], label: 'outage' },
      { features: ['light', 'gayi'], label: 'outage' },
      { features: ['balance', 'kitna'], label: 'balance' },
    ],
    0.1,
  );

  it('prefers the label whose examples share the features', () => {
    const scores = model.logLikelihoods(['light']);
    expect(scores.get('outage')).toBeGreaterThan(scores.get('balance') ?? 0);
  });

  it('ignores features never seen in training, leaving only the prior', () => {
    const scores = model.logLikelihoods(['transformer']);
    expect(scores.get('outage')).toBeCloseTo(Math.log(2 / 3), 10);
    expect(scores.get('balance')).toBeCloseTo(Math.log(1 / 3), 10);
  });

  it('lists every label it was trained on', () => {
    expect([...model.labels].sort()).toEqual(['balance', 'outage']);
  });
});
