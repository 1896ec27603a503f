import { visitorLanguage } from '../../../src/channels/directline/visitorLanguage';

describe('the language the web chat page is first shown in', () => {
  it.each([
    [null, undefined, 'hi', 'nothing said: Hindi'],
    [null, 'en-US,en;q=0.9', 'en', 'an English browser'],
    [null, 'hi-IN,hi;q=0.9,en-US;q=0.8,en;q=0.7', 'hi', 'a Hindi phone'],
    [null, 'bn-IN,en-IN;q=0.8,hi;q=0.9', 'hi', 'Bengali first: the better ranked of ours'],
    [null, 'mai,bho', 'hi', 'Maithili and Bhojpuri only: Hindi'],
    [null, 'en;q=0,hi;q=0.5', 'hi', 'English refused'],
    ['en', 'hi-IN', 'en', 'the address asks for English'],
    ['fr', 'en-GB', 'en', 'a language not offered in the address is ignored'],
  ] as [string | null, string | undefined, string, string][])('%s / %s: %s (%s)', (asked, header, expected) => {
    expect(visitorLanguage(asked, header)).toBe(expected);
  });
});
