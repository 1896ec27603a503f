import { ActionTypes, type Activity } from 'botbuilder';
import { withOneMenu } from '../../../src/channels/directline/oneMenu';

const message = (text: string, titles: string[]): Partial<Activity> => ({
  type: 'message',
  text,
  suggestedActions: { to: [], actions: titles.map((title) => ({ type: ActionTypes.ImBack, title, value: title })) },
});

describe('one menu in the web chat', () => {
  it('drops the numbered lines that repeat the buttons, keeping the question', () => {
    const menu = message('आपकी क्या मदद करूँ?\n1. रिचार्ज नहीं जुड़ा\n2. बिजली चालू नहीं हुई', ['रिचार्ज नहीं जुड़ा', 'बिजली चालू नहीं हुई']);
    expect(withOneMenu(menu).text).toBe('आपकी क्या मदद करूँ?');
    expect(withOneMenu(menu).suggestedActions).toEqual(menu.suggestedActions);
  });

  it('drops them when extra buttons follow the numbered options ("Neither")', () => {
    const didYouMean = message('Did you mean:\n1. Recharge not credited\n2. Supply not restored', ['Recharge not credited', 'Supply not restored', 'Neither']);
    expect(withOneMenu(didYouMean).text).toBe('Did you mean:');
  });

  it('keeps numbered lines that are not the buttons: steps, or a list the buttons do not repeat', () => {
    const steps = message('How to recharge:\n1. Open the app\n2. Pay', ['Menu']);
    expect(withOneMenu(steps).text).toBe(steps.text);
    const other = message('Pick:\n1. Balance\n2. Meter', ['Meter', 'Balance']);
    expect(withOneMenu(other).text).toBe(other.text);
  });

  it('leaves a message without buttons as it is', () => {
    const plain: Partial<Activity> = { type: 'message', text: '1. Balance' };
    expect(withOneMenu(plain)).toBe(plain);
  });
});
