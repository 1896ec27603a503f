import type { Activity, CardAction } from 'botbuilder';
import { toAsciiDigits } from '../../domain/digits';
import type { OutboundMessage } from './graphMessages';
import { shorten, splitText } from './textFitting';

/** WhatsApp's limits for what Sampark sends (Cloud API, counted in UTF-16 units here). */
export const LIMITS = {
  text: 4096,
  buttonBody: 1024,
  listBody: 4096,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  rows: 10,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  listButton: 20,
} as const;

/** The words a rendering needs, in the consumer's language. */
export interface RenderWords {
  /** The label of the button that opens a list ("Choose"). */
  listButton: string;
  /** The body of a message that has options but no text. */
  chooseOne: string;
  /** The line above options rendered as numbered text ("Reply with the number"). */
  numberedIntro: string;
}

/** What an activity becomes on WhatsApp. */
export interface Rendering {
  messages: OutboundMessage[];
  /** Values of options rendered as numbered text, in order; empty when there are none. */
  numberedChoices: string[];
}

interface Option {
  title: string;
  /** What the consumer's answer means: sent back as the reply id, so it lands as if typed. */
  value: string;
}

/**
 * An activity as WhatsApp messages: its text split at 4096 on paragraph, line or sentence
 * boundaries; its suggested actions as 1-3 reply buttons (every title fits in 20), else a list of
 * up to 10 rows (titles shortened to 24 with the full title as the row's description), else numbered
 * text the consumer answers with a number. Buttons and rows carry the option's value as their id.
 */
export function renderActivity(activity: Partial<Activity>, words: RenderWords): Rendering {
  const text = (activity.text ?? '').trim();
  const options = optionsOf(activity.suggestedActions?.actions ?? []);
  if (options.length === 0) return { messages: textMessages(splitText(text, LIMITS.text)), numberedChoices: [] };
  if (fitsButtons(options)) {
    const { before, body } = withBody(text, LIMITS.buttonBody, words);
    return { messages: [...textMessages(before), buttonsMessage(body, options)], numberedChoices: [] };
  }
  if (fitsList(options)) {
    const { before, body } = withBody(text, LIMITS.listBody, words);
    return { messages: [...textMessages(before), listMessage(body, options, words)], numberedChoices: [] };
  }
  const numbered = options.map((option, index) => `${index + 1}. ${option.title}`);
  // A question that already lists its options by number (the menu) is not listed twice.
  const listed = numbered.every((line) => text.includes(line));
  const full = listed ? text : [text, words.numberedIntro, numbered.join('\n')].filter(Boolean).join('\n\n');
  return { messages: textMessages(splitText(full, LIMITS.text)), numberedChoices: options.map((option) => option.value) };
}

/** The value a bare number picks from numbered choices ("2", "२"), or the text as it was. */
export function answerOfNumberedChoice(text: string, choices: readonly string[]): string {
  const answer = toAsciiDigits(text.trim());
  if (!/^\d{1,3}$/.test(answer)) return text;
  return choices[Number(answer) - 1] ?? text;
}

function optionsOf(actions: CardAction[]): Option[] {
  return actions
    .map((action) => {
      const title = (action.title ?? (typeof action.value === 'string' ? action.value : '')).trim();
      const value = typeof action.value === 'string' && action.value.trim() ? action.value.trim() : title;
      return { title, value };
    })
    .filter((option) => option.title && option.value);
}

function distinct(values: string[]): boolean {
  return new Set(values).size === values.length;
}

function fitsButtons(options: Option[]): boolean {
  return (
    options.length <= LIMITS.buttons &&
    options.every((option) => option.title.length <= LIMITS.buttonTitle && option.value.length <= LIMITS.buttonId) &&
    distinct(options.map((option) => option.value)) &&
    distinct(options.map((option) => option.title))
  );
}

function fitsList(options: Option[]): boolean {
  return (
    options.length <= LIMITS.rows &&
    options.every((option) => option.value.length <= LIMITS.rowId) &&
    distinct(options.map((option) => option.value))
  );
}

/** Text that does not fit in the interactive message's body goes before it as text messages. */
function withBody(text: string, bodyLimit: number, words: RenderWords): { before: string[]; body: string } {
  const pieces = splitText(text, LIMITS.text);
  const last = pieces.pop();
  if (!last) return { before: [], body: words.chooseOne };
  const tail = splitText(last, bodyLimit);
  const body = tail.pop()!;
  return { before: [...pieces, ...tail], body };
}

function textMessages(pieces: string[]): OutboundMessage[] {
  return pieces.map((body) => ({ type: 'text', text: { body, preview_url: false } }));
}

function buttonsMessage(body: string, options: Option[]): OutboundMessage {
  return {
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: body },
      action: { buttons: options.map((option) => ({ type: 'reply', reply: { id: option.value, title: option.title } })) },
    },
  };
}

function listMessage(body: string, options: Option[], words: RenderWords): OutboundMessage {
  const rows = options.map((option) => {
    const title = shorten(option.title, LIMITS.rowTitle);
    // The full title goes where the format has room for it.
    return title === option.title
      ? { id: option.value, title }
      : { id: option.value, title, description: shorten(option.title, LIMITS.rowDescription) };
  });
  return {
    type: 'interactive',
    interactive: {
      type: 'list',
      body: { text: body },
      action: { button: shorten(words.listButton, LIMITS.listButton), sections: [{ rows }] },
    },
  };
}
