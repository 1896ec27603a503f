import { HISTORY_LINES, MAX_LINE_LENGTH, maskPersonalData, withLine } from '../../src/handoff/conversationHistory';

const AT = '2026-11-28T06:00:00.000Z';

describe('the bot conversation kept for an agent', () => {
  it('masks mobile numbers and one-time codes, in any digits', () => {
    expect(maskPersonalData('mera number 9876500099 hai, OTP 123456')).toBe('mera number ******0099 hai, OTP ******');
    expect(maskPersonalData('नया नंबर +91 ९८७६५०००९९')).toBe('नया नंबर ******0099');
  });

  it('keeps CA numbers and payment references, which the agent needs', () => {
    expect(maskPersonalData('CA 101000003, UTR 412300000003')).toBe('CA 101000003, UTR 412300000003');
  });

  it.each([MAX_LINE_LENGTH - 12, MAX_LINE_LENGTH - 5, MAX_LINE_LENGTH - 1, MAX_LINE_LENGTH + 3])(
    'leaves no digits of a mobile number that straddles the cut at %i unmasked',
    (at) => {
      const [line] = withLine(undefined, { from: 'bot', text: `${'x'.repeat(at)}+91 9876500099 and more`, at: AT });
      expect(line?.text).not.toMatch(/98765/);
      expect(line?.text.replace(/…$/, '').length).toBeLessThanOrEqual(MAX_LINE_LENGTH);
    },
  );

  it('keeps only the last lines, each shortened', () => {
    let history = withLine(undefined, { from: 'consumer', text: 'x'.repeat(600), at: AT });
    expect(history[0]?.text).toHaveLength(MAX_LINE_LENGTH + 1);
    for (let line = 0; line < HISTORY_LINES + 5; line += 1) history = withLine(history, { from: 'bot', text: `line ${line}`, at: AT });
    expect(history).toHaveLength(HISTORY_LINES);
    expect(history.at(-1)?.text).toBe(`line ${HISTORY_LINES + 4}`);
  });
});
