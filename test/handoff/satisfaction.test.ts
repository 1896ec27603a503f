import { parseSatisfaction } from '../../src/handoff/satisfaction';

const BUTTONS = ['😊 अच्छी', '😐 ठीक-ठाक', '☹️ खराब', '😊 Good', '😐 Okay', '☹️ Poor'];

describe('the answer to "how did the agent help"', () => {
  it.each([
    ['😊 Good', 'good'],
    ['☹️ खराब', 'poor'],
    ['😐 ठीक-ठाक', 'okay'],
    ['1', 'good'],
    ['३', 'poor'],
    ['Very good!', 'good'],
    ['badhiya tha', 'good'],
    ['बहुत अच्छा', 'good'],
    ['theek thaak', 'okay'],
    ['ठीक है', 'okay'],
    ['bekar', 'poor'],
    ['बेकार था', 'poor'],
    ['👎', 'poor'],
  ])('%s is %s', (text, rating) => {
    expect(parseSatisfaction(text, BUTTONS)).toBe(rating);
  });

  it.each(['balance 101000001', 'meter band hai', '4', '', 'agent se baat karao'])('%s is not an answer', (text) => {
    expect(parseSatisfaction(text, BUTTONS)).toBeNull();
  });
});
