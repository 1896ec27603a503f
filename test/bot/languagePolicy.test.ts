import { languageWordCount, replyLanguage, type LanguageClues } from '../../src/bot/languagePolicy';

const clues = (overrides: Partial<LanguageClues>): LanguageClues => ({
  chosen: undefined,
  script: null,
  wordCount: 4,
  lastLanguage: undefined,
  channelLanguage: null,
  ...overrides,
});

describe('replyLanguage', () => {
  it.each<[string, Partial<LanguageClues>, 'hi' | 'en']>([
    ['a chosen language wins over what is written', { chosen: 'en', script: 'devanagari' }, 'en'],
    ['Devanagari is answered in Hindi', { script: 'devanagari', lastLanguage: 'en' }, 'hi'],
    ['romanized Hindi is answered in Hindi', { script: 'romanized_hindi', lastLanguage: 'en' }, 'hi'],
    ['an English sentence is answered in English', { script: 'english', lastLanguage: 'hi' }, 'en'],
    ['one English word does not flip a Hindi conversation', { script: 'english', wordCount: 1, lastLanguage: 'hi' }, 'hi'],
    ['one English word opens an English conversation on an English channel', { script: 'english', wordCount: 1, channelLanguage: 'en' }, 'en'],
    ['"hello" on a Hindi channel stays Hindi', { script: 'english', wordCount: 1, channelLanguage: 'hi' }, 'hi'],
    ['"hello" with nothing else known stays Hindi, the consumers\' usual language', { script: 'english', wordCount: 1 }, 'hi'],
    ['an English sentence opens an English conversation', { script: 'english', wordCount: 4 }, 'en'],
    ['digits keep the conversation language', { script: 'neutral', lastLanguage: 'en' }, 'en'],
    ['digits at the start follow the channel locale', { script: 'neutral', channelLanguage: 'en' }, 'en'],
    ['with no clue at all, Hindi', { script: 'neutral' }, 'hi'],
  ])('%s', (_name, overrides, expected) => {
    expect(replyLanguage(clues(overrides))).toBe(expected);
  });
});

describe('languageWordCount', () => {
  it.each([
    ['CA no 101000001', 0],
    ['UTR 4123 0000 0003', 0],
    ['check my balance', 3],
    ['मेरा बैलेंस कितना है', 4],
  ])('%j has %i words that show a language', (text, count) => {
    expect(languageWordCount(text)).toBe(count);
  });
});
