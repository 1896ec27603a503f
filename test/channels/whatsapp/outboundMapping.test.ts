import { ActionTypes, type Activity, type CardAction } from 'botbuilder';
import { messageRequest, type OutboundMessage } from '../../../src/channels/whatsapp/graphMessages';
import { answerOfNumberedChoice, LIMITS, renderActivity, type RenderWords } from '../../../src/channels/whatsapp/outboundMapping';
import { characters, shorten, splitText } from '../../../src/channels/whatsapp/textFitting';
import { parseMessageRequest } from './metaSchemas';

const WORDS: RenderWords = { listButton: 'विकल्प चुनें', chooseOne: 'कृपया एक विकल्प चुनें:', numberedIntro: 'अपनी पसंद का नंबर लिखकर भेजें:' };

function activity(text: string, titles: string[] = [], values?: string[]): Partial<Activity> {
  const actions: CardAction[] = titles.map((title, index) => ({ type: ActionTypes.ImBack, title, value: values?.[index] ?? title }));
  return { type: 'message', text, ...(actions.length ? { suggestedActions: { actions, to: [] } } : {}) };
}

/** Every message must pass Meta's formats and limits (the fake's schemas, written independently). */
function expectValid(messages: OutboundMessage[]): void {
  for (const message of messages) {
    const parsed = parseMessageRequest(messageRequest('919876500001', message));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  }
}

/** Hindi and English titles, several at or past the limits, with vowel signs, conjuncts and nuktas. */
const HINDI_TITLES = [
  'रिचार्ज नहीं जुड़ा',
  'मेरे क्षेत्र में बिजली कटी',
  'स्मार्ट मीटर की जाँच करवाएँ',
  'क्षतिग्रस्त मीटर बदलवाना है',
  'प्रीपेड खाते में बकाया राशि',
  'उपभोक्ता संख्या दोबारा लिखें',
  'श्रीकृष्णपुरी क्षेत्र',
  'ड़ढ़ फ़ॉर्म भरें और ज़रूरी काग़ज़ात',
  'कृष्ण्ण्ण्ण्ण्ण्ण्ण्ण्ण्ण्ण्ण्ण्ण',
  'Recharge not credited to my meter',
];

describe('text fitting', () => {
  it('shortens at a word boundary with an ellipsis, within the limit', () => {
    expect(shorten('मेरे क्षेत्र में बिजली कटी', 24)).toBe('मेरे क्षेत्र में बिजली…');
    expect(shorten('Recharge not credited to my meter', 20)).toBe('Recharge not…');
    expect(shorten('Balance', 20)).toBe('Balance');
  });

  it.each(HINDI_TITLES.flatMap((title) => [20, 24, 72].map((limit) => [title, limit] as const)))(
    'never cuts "%s" inside a character at %i',
    (title, limit) => {
      const short = shorten(title, limit);
      expect(short.length).toBeLessThanOrEqual(limit);
      const kept = short.endsWith('…') ? short.slice(0, -1) : short;
      // Whole characters of the original, in order: the kept part is a prefix made of its clusters.
      const clusters = characters(title);
      let prefix = '';
      for (const cluster of clusters) {
        if (prefix.length >= kept.length) break;
        prefix += cluster;
      }
      expect(prefix.trimEnd()).toBe(kept.trimEnd());
      expect(kept).not.toMatch(/[\u094D\u200C\u200D]$/);
    },
  );

  it('keeps a conjunct whole even where a grapheme segmenter would split it at the virama', () => {
    expect(characters('क्षत्र')).toEqual(['क्ष', 'त्र']);
    expect(shorten('क्षक्षक्षक्षक्षक्षक्ष', 8)).toBe('क्षक्ष…');
  });

  it('splits long text at paragraphs, then lines, then sentences (danda included), then words', () => {
    const paragraph = 'क'.repeat(3000);
    expect(splitText(`${paragraph}\n\n${paragraph}`, 4096)).toEqual([paragraph, paragraph]);
    const line = 'a'.repeat(2500);
    expect(splitText(`${line}\n${line}`, 4096)).toEqual([line, line]);
    const sentence = `${'बिजली '.repeat(400).trim()}।`;
    const pieces = splitText(`${sentence} ${sentence}`, 4096);
    expect(pieces).toEqual([sentence, sentence]);
    const words = 'word '.repeat(1000).trim();
    for (const piece of splitText(words, 4096)) expect(piece).toMatch(/^(word ?)+$/);
  });

  it('cuts text with no boundary at all between whole characters', () => {
    const text = 'कि'.repeat(3000);
    const pieces = splitText(text, 4096);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(4096);
      expect(piece.startsWith('ि')).toBe(false);
    }
  });
});

describe('outbound mapping', () => {
  it('sends plain text as text, split at 4096 characters', () => {
    const long = `${'पहला अनुच्छेद। '.repeat(200)}\n\n${'दूसरा अनुच्छेद। '.repeat(200)}`;
    const { messages, numberedChoices } = renderActivity(activity(long), WORDS);
    expect(messages.length).toBe(2);
    expect(messages.every((message) => message.type === 'text')).toBe(true);
    expect(numberedChoices).toEqual([]);
    expectValid(messages);
  });

  it('makes 1-3 short options reply buttons whose ids carry the value', () => {
    const { messages } = renderActivity(activity('क्या आपकी बिजली आ गई?', ['हाँ', 'नहीं']), WORDS);
    expect(messages).toEqual([
      {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'क्या आपकी बिजली आ गई?' },
          action: { buttons: [{ type: 'reply', reply: { id: 'हाँ', title: 'हाँ' } }, { type: 'reply', reply: { id: 'नहीं', title: 'नहीं' } }] },
        },
      },
    ]);
    expectValid(messages);
  });

  it('carries a value that differs from the title in the id, so the answer lands as if typed', () => {
    const { messages } = renderActivity(activity('Which connection?', ['Home', 'Shop'], ['101000001', '101000011']), WORDS);
    const interactive = messages[0]!.type === 'interactive' ? messages[0]!.interactive : null;
    expect(interactive?.type === 'button' ? interactive.action.buttons.map((button) => button.reply) : null).toEqual([
      { id: '101000001', title: 'Home' },
      { id: '101000011', title: 'Shop' },
    ]);
  });

  it('makes options with a title past 20, or more than 3, a list with the full title as the description', () => {
    const { messages } = renderActivity(activity('क्या आपका मतलब यह था?', HINDI_TITLES.slice(0, 3)), WORDS);
    expectValid(messages);
    const list = messages[0]!.type === 'interactive' && messages[0]!.interactive.type === 'list' ? messages[0]!.interactive : null;
    expect(list?.action.button).toBe('विकल्प चुनें');
    expect(list?.action.sections[0]!.rows).toEqual([
      { id: 'रिचार्ज नहीं जुड़ा', title: 'रिचार्ज नहीं जुड़ा' },
      { id: 'मेरे क्षेत्र में बिजली कटी', title: 'मेरे क्षेत्र में बिजली…', description: 'मेरे क्षेत्र में बिजली कटी' },
      { id: 'स्मार्ट मीटर की जाँच करवाएँ', title: 'स्मार्ट मीटर की जाँच…', description: 'स्मार्ट मीटर की जाँच करवाएँ' },
    ]);
  });

  it('fits every Hindi title at the limits into valid buttons or lists', () => {
    for (let count = 1; count <= 10; count += 1) {
      const titles = Array.from({ length: count }, (_, index) => HINDI_TITLES[index % HINDI_TITLES.length]! + (index >= HINDI_TITLES.length ? ` ${index}` : ''));
      expectValid(renderActivity(activity('चुनें', titles), WORDS).messages);
    }
    expectValid(renderActivity(activity('चुनें', ['क'.repeat(20), 'ख'.repeat(20), 'ग'.repeat(20)]), WORDS).messages);
    expectValid(renderActivity(activity('चुनें', ['कि'.repeat(12), 'क्ष'.repeat(8)]), WORDS).messages);
  });

  it('makes more than 10 options numbered text, remembered so "11" answers with the eleventh value', () => {
    const titles = Array.from({ length: 12 }, (_, index) => `विकल्प ${index + 1}`);
    const { messages, numberedChoices } = renderActivity(activity('कोई एक चुनें', titles), WORDS);
    expectValid(messages);
    expect(messages).toHaveLength(1);
    const body = messages[0]!.type === 'text' ? messages[0]!.text.body : '';
    expect(body).toContain('अपनी पसंद का नंबर लिखकर भेजें:');
    expect(body).toContain('12. विकल्प 12');
    expect(numberedChoices).toEqual(titles);
    expect(answerOfNumberedChoice('11', numberedChoices)).toBe('विकल्प 11');
    expect(answerOfNumberedChoice('११', numberedChoices)).toBe('विकल्प 11');
    expect(answerOfNumberedChoice('13', numberedChoices)).toBe('13');
    expect(answerOfNumberedChoice('balance', numberedChoices)).toBe('balance');
  });

  it('does not list numbered options twice when the question already numbers them', () => {
    const titles = Array.from({ length: 11 }, (_, index) => `Option ${index + 1}`);
    const text = ['Pick one:', ...titles.map((title, index) => `${index + 1}. ${title}`)].join('\n');
    const { messages } = renderActivity(activity(text, titles), WORDS);
    expect(messages[0]!.type === 'text' ? messages[0]!.text.body : '').toBe(text);
  });

  it('puts text too long for a button body before the buttons, and gives options without text a body', () => {
    const long = 'यह एक लंबा संदेश है। '.repeat(80);
    const { messages } = renderActivity(activity(long, ['हाँ', 'नहीं']), WORDS);
    expectValid(messages);
    expect(messages.map((message) => message.type)).toEqual(['text', 'interactive']);
    const bodyOnly = renderActivity(activity('', ['मेनू']), WORDS).messages;
    expectValid(bodyOnly);
    expect(bodyOnly[0]!.type === 'interactive' ? bodyOnly[0]!.interactive.body.text : '').toBe(WORDS.chooseOne);
  });

  it('falls back to numbered text when values are too long or repeat for ids', () => {
    const duplicate = renderActivity(activity('Pick', ['A', 'B'], ['same', 'same']), WORDS);
    expect(duplicate.messages[0]!.type).toBe('text');
    const tooLong = renderActivity(activity('Pick', ['A'], ['x'.repeat(LIMITS.buttonId + 1)]), WORDS);
    expect(tooLong.messages[0]!.type).toBe('text');
    expect(tooLong.numberedChoices).toEqual(['x'.repeat(LIMITS.buttonId + 1)]);
  });

  it('sends nothing for an empty message', () => {
    expect(renderActivity(activity('   '), WORDS).messages).toEqual([]);
  });
});
