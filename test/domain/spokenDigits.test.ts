import { writeSpokenDigits } from '../../src/domain/spokenDigits';

describe('writeSpokenDigits', () => {
  it.each([
    ['my consumer number is one zero one zero zero zero zero zero two please check', 'my consumer number is 101000002 please check'],
    ['उपभोक्ता संख्या है एक शून्य एक शून्य शून्य शून्य शून्य शून्य पांच', 'उपभोक्ता संख्या है 101000005'],
    ['CA ek shunya ek shunya shunya shunya shunya shunya saat.', 'CA 101000007'],
  ])('writes a number said digit by digit: %s', (spoken, written) => {
    expect(writeSpokenDigits(spoken)).toBe(written);
  });

  it.each(['ek do din me aa jayega', 'do char log aaye the', 'one or two days', 'मीटर एक दो दिन से बंद है'])(
    'leaves a few number words in a sentence alone: %s',
    (text) => expect(writeSpokenDigits(text)).toBe(text),
  );
});
