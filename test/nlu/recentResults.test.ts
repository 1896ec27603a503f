import { rememberingRecent } from '../../src/nlu/recentResults';

describe('rememberingRecent', () => {
  it('computes a text once while it is among the recent ones, and again once it has dropped out', () => {
    const computed: string[] = [];
    const length = rememberingRecent((text) => (computed.push(text), text.length), 2);
    expect([length('ab'), length('ab'), length('abc'), length('ab')]).toEqual([2, 2, 3, 2]);
    expect(computed).toEqual(['ab', 'abc']);
    length('abcd');
    length('abcde');
    length('ab');
    expect(computed).toEqual(['ab', 'abc', 'abcd', 'abcde', 'ab']);
  });
});
