import { confusionsOf, scorePredictions, type Prediction } from '../../../src/nlu/evaluation/metrics';
import type { IntentId } from '../../../src/nlu/intents';

const prediction = (expected: IntentId, predicted: IntentId, text = `${expected}>${predicted}`): Prediction => ({
  text,
  expected,
  predicted,
  score: 0.9,
  script: 'english',
});

describe('scorePredictions', () => {
  // check_balance: 2 of 3 right, one taken for billing; billing: 1 right, plus that wrong guess; none: never right.
  const predictions = [
    prediction('check_balance', 'check_balance'),
    prediction('check_balance', 'check_balance'),
    prediction('check_balance', 'billing_query', 'kitna kata'),
    prediction('billing_query', 'billing_query'),
    prediction('none', 'help', 'hmm'),
  ];
  const scores = scorePredictions(predictions);

  it('counts accuracy over every message', () => {
    expect(scores.n).toBe(5);
    expect(scores.accuracy).toBeCloseTo(3 / 5, 10);
  });

  it('scores each intent by precision, recall and F1', () => {
    const byIntent = new Map(scores.intents.map((s) => [s.intent, s]));
    expect(byIntent.get('check_balance')).toMatchObject({ support: 3, predicted: 2, correct: 2, precision: 1 });
    expect(byIntent.get('check_balance')?.recall).toBeCloseTo(2 / 3, 10);
    expect(byIntent.get('check_balance')?.f1).toBeCloseTo(0.8, 10);
    expect(byIntent.get('billing_query')).toMatchObject({ support: 1, predicted: 2, precision: 0.5, recall: 1 });
    expect(byIntent.get('none')).toMatchObject({ support: 1, predicted: 0, precision: 0, recall: 0, f1: 0 });
  });

  it('averages F1 over every intent expected or predicted, so a wrong guess of an absent intent counts', () => {
    // check_balance 0.8, billing_query 2/3, none 0, help 0 (predicted, never expected).
    expect(scores.macroF1).toBeCloseTo((0.8 + 2 / 3 + 0 + 0) / 4, 10);
  });

  it('is all zeros, not NaN, with nothing to score', () => {
    expect(scorePredictions([])).toEqual({ n: 0, accuracy: 0, macroF1: 0, intents: [] });
  });
});

describe('confusionsOf', () => {
  it('lists each kind of mistake with its messages, most frequent first', () => {
    const confusions = confusionsOf([
      prediction('cancel', 'none', 'roko'),
      prediction('cancel', 'cancel'),
      prediction('fraud_report', 'check_balance', 'thagi'),
      prediction('cancel', 'none', 'mat karo'),
    ]);
    expect(confusions).toEqual([
      { expected: 'cancel', predicted: 'none', count: 2, texts: ['roko', 'mat karo'] },
      { expected: 'fraud_report', predicted: 'check_balance', count: 1, texts: ['thagi'] },
    ]);
  });
});
