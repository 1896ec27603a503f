import { ActionTypes, type Activity } from 'botbuilder';
import { mergeMessages } from '../../src/bot/turnReplies';

const text = (value: string): Partial<Activity> => ({ type: 'message', text: value });
const withButtons = (value: string, ...titles: string[]): Partial<Activity> => ({
  type: 'message',
  text: value,
  suggestedActions: { to: [], actions: titles.map((title) => ({ type: ActionTypes.ImBack, title, value: title })) },
});
const shown = (messages: Partial<Activity>[]) =>
  messages.map((message) => [message.text, (message.suggestedActions?.actions ?? []).map((action) => action.title)]);

describe('mergeMessages', () => {
  it('joins a turn\'s plain messages into one, paragraphs apart', () => {
    expect(shown(mergeMessages([text('Consumer number 101000001.'), text('Balance: ₹842.50')]))).toEqual([
      ['Consumer number 101000001.\n\nBalance: ₹842.50', []],
    ]);
  });

  it('keeps buttons under the text they answer and starts a new message after them', () => {
    expect(
      shown(mergeMessages([text('Balance: ₹842.50'), withButtons('Anything else?', 'Menu'), text('later')])),
    ).toEqual([
      ['Balance: ₹842.50\n\nAnything else?', ['Menu']],
      ['later', []],
    ]);
  });

  it('leaves a message with an attachment on its own', () => {
    const card: Partial<Activity> = { type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'x' }] };
    expect(mergeMessages([text('a'), card, text('b')])).toHaveLength(3);
  });

  it('sends nothing for a turn that said nothing', () => {
    expect(mergeMessages([])).toEqual([]);
  });
});
