import type { Script } from '../../src/nlu/recognizer';
import { detectScript } from '../../src/nlu/scriptDetection';

describe('detectScript', () => {
  it.each<[string, Script]>([
    ['मेरा रिचार्ज नहीं हुआ', 'devanagari'],
    ['बिजली कब आएगी?', 'devanagari'],
    ['मेरा recharge नहीं हुआ', 'devanagari'],
    ['नमस्ते', 'devanagari'],
    ['recharge kiya light nhi aayi', 'romanized_hindi'],
    ['recharge kiya but light nahi aayi', 'romanized_hindi'],
    ['my recharge is done but bijli nahi aayi', 'romanized_hindi'],
    ['balance kitna hai', 'romanized_hindi'],
    ['namaste', 'romanized_hindi'],
    ['recharge kiya but बिजली nahi', 'romanized_hindi'],
    ['I recharged but the power is not back', 'english'],
    ['I want to talk in hindi', 'english'],
    ['hello', 'english'],
    ['meter burnt', 'english'],
    ['stop', 'english'],
    ['123456789', 'neutral'],
    ['1', 'neutral'],
    ['🙏', 'neutral'],
    ['?? !!', 'neutral'],
    ['', 'neutral'],
  ])('%s -> %s', (text, expected) => {
    expect(detectScript(text)).toBe(expected);
  });
});
