import fs from 'node:fs';
import path from 'node:path';
import type { IntentId } from '../../../src/nlu/intents';
import { INTENT_IDS } from '../../../src/nlu/intents';
import { loadCorpus } from '../../../src/nlu/local/corpus';
import { createLocalRecognizer, type LocalRecognizer } from '../../../src/nlu/local/localRecognizer';
import { normalizeText } from '../../../src/nlu/normalize';
import { projectRoot } from '../../../src/projectRoot';

const CORPUS = path.join(projectRoot(), 'data', 'nlu', 'corpus.jsonl');
const HELD_OUT = path.join(projectRoot(), 'data', 'nlu', 'heldout.jsonl');
const BLIND = path.join(projectRoot(), 'data', 'nlu', 'blind.jsonl');

let recognizer: LocalRecognizer;

beforeAll(() => {
  recognizer = createLocalRecognizer();
});

describe('typical messages route to their intent in all three scripts', () => {
  it.each<[IntentId, string]>([
    ['greeting', 'नमस्ते सर जी'],
    ['greeting', 'hello bhaiya ji'],
    ['greeting', 'good morning sir'],
    ['recharge_not_credited', 'पैसा कट गया लेकिन बैलेंस नहीं आया'],
    ['recharge_not_credited', 'recharge kiya 500rs kat gaya balance nahi juda'],
    ['recharge_not_credited', 'money debited but recharge not credited'],
    ['supply_not_restored', 'रिचार्ज कर दिया फिर भी लाइट नहीं आई'],
    ['supply_not_restored', 'recharge ho gaya but light nhi aayi'],
    ['supply_not_restored', 'I recharged but electricity is still off'],
    ['check_balance', 'मेरा बैलेंस बताइए'],
    ['check_balance', 'mera balance kitna bacha hai'],
    ['check_balance', 'what is my current balance'],
    ['billing_query', 'इतनी ज्यादा कटौती क्यों हो रही है'],
    ['billing_query', 'balance minus kaise ho gaya'],
    ['billing_query', 'why is fixed charge deducted'],
    ['meter_fault', 'मीटर का डिस्प्ले बंद हो गया है'],
    ['meter_fault', 'meter jal gaya hai'],
    ['meter_fault', 'meter display is blank'],
    ['update_mobile', 'मोबाइल नंबर बदलना है'],
    ['update_mobile', 'mobile number change karna hai'],
    ['update_mobile', 'I want to update my mobile number'],
    ['how_to_recharge', 'रिचार्ज कैसे करें'],
    ['how_to_recharge', 'recharge kaise karte hai'],
    ['how_to_recharge', 'how can I recharge my meter'],
    ['emergency_credit', 'इमरजेंसी क्रेडिट कैसे मिलेगा'],
    ['emergency_credit', 'kala button dabane se kya hoga'],
    ['emergency_credit', 'how do I get emergency credit'],
    ['complaint_status', 'मेरी शिकायत का क्या हुआ'],
    ['complaint_status', 'mera complaint ka kya hua'],
    ['complaint_status', 'what is the status of my complaint SP-2846-1937'],
    ['talk_to_agent', 'किसी इंसान से बात कराओ'],
    ['talk_to_agent', 'insaan se baat karao'],
    ['talk_to_agent', 'I want to talk to a human'],
    ['power_outage', 'पूरे मोहल्ले में बिजली नहीं है'],
    ['power_outage', 'transformer jal gaya pure gaon me light nahi'],
    ['power_outage', 'whole area has no power since morning'],
    ['fraud_report', 'किसी ने लिंक भेजकर पैसे मांगे'],
    ['fraud_report', 'kisi ne call karke otp manga'],
    ['fraud_report', 'someone called asking me to pay through a link'],
    ['change_language', 'हिंदी में बात करो'],
    ['change_language', 'english me baat karo'],
    ['change_language', 'please reply in english'],
    ['cancel', 'रहने दो'],
    ['cancel', 'band karo'],
    ['cancel', 'never mind'],
    ['help', 'मदद चाहिए'],
    ['help', 'madad chahiye'],
    ['help', 'what can you do'],
    ['none', 'आज मौसम कैसा है'],
    ['none', 'cricket ka score kya hai'],
    ['none', 'tell me a joke'],
  ])('%s: %s', async (intent, text) => {
    expect((await recognizer.recognize(text)).intent).toBe(intent);
  });
});

describe('reserved keywords are certain in every script', () => {
  it.each<[IntentId, string]>([
    ['cancel', 'stop'],
    ['cancel', 'STOP!!'],
    ['cancel', 'band karo'],
    ['cancel', 'रुको'],
    ['cancel', 'cancel'],
    ['cancel', 'cancle'],
    ['help', 'help'],
    ['help', 'plz help'],
    ['help', 'madad'],
    ['help', 'मदद'],
    ['greeting', 'hi'],
    ['greeting', 'Hiii'],
    ['greeting', 'नमस्ते'],
    ['greeting', 'menu'],
    ['greeting', 'मेनू'],
    ['change_language', 'english'],
    ['change_language', 'English please'],
    ['change_language', 'हिंदी'],
    ['change_language', 'हिंदी में'],
  ])('%s: %s', async (intent, text) => {
    const recognition = await recognizer.recognize(text);
    expect(recognition.intent).toBe(intent);
    expect(recognition.score).toBe(1);
  });
});

describe('recognition', () => {
  it('fills entities, script and urgency alongside the intent', async () => {
    const recognition = await recognizer.recognize('CA 123456789, 500rs ka recharge kiya light nahi aayi, bachha bimar hai');
    expect(recognition).toMatchObject({
      intent: 'supply_not_restored',
      entities: { caNumber: '123456789', amount: 500 },
      script: 'romanized_hindi',
      urgent: true,
    });
  });

  it('carries the requested language for change_language', async () => {
    const recognition = await recognizer.recognize('मुझे अंग्रेजी में बताइए');
    expect(recognition.intent).toBe('change_language');
    expect(recognition.entities.language).toBe('en');
  });

  it.each(['123456789', '1', '🙏'])('answers none for a message without words: %s', async (text) => {
    const recognition = await recognizer.recognize(text);
    expect(recognition.intent).toBe('none');
    expect(recognition.script).toBe('neutral');
  });

  it('keeps the number of a bare CA message for the dialog', async () => {
    expect((await recognizer.recognize('1234 5678 9')).entities).toEqual({ caNumber: '123456789' });
  });

  it('ranks every intent, best first, with probabilities that sum to one', async () => {
    const { ranked, intent, score } = await recognizer.recognize('meter ki screen par kuch nahi aata');
    expect(ranked.map((r) => r.intent).sort()).toEqual([...INTENT_IDS].sort());
    expect(ranked.every((r) => r.score >= 0 && r.score <= 1)).toBe(true);
    expect(ranked.reduce((sum, r) => sum + r.score, 0)).toBeCloseTo(1, 6);
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
    expect(intent).toBe(ranked[0]?.intent);
    expect(score).toBe(ranked[0]?.score);
  });

  it("answers 'none' below the floor and keeps the ranking for a 'did you mean'", async () => {
    const text = 'meter ki screen par kuch nahi aata';
    const topScore = (await recognizer.recognize(text)).score;
    const strict = createLocalRecognizer({ noneFloor: topScore + 1e-9 });
    const recognition = await strict.recognize(text);
    expect(recognition.intent).toBe('none');
    expect(recognition.score).toBeCloseTo(1 - topScore, 10);
    expect(recognition.ranked[0]).toEqual({ intent: 'meter_fault', score: topScore });
  });
});

describe('long messages and guesses without ground', () => {
  it('reads a long, worried message by the clause that names the problem', async () => {
    const recognition = await recognizer.recognize(
      'Dear sir, my father is 82 years old and bed ridden. There is no electricity for 3 days and meter is not updating. It is very hot here in Darbhanga.',
    );
    // Either clause names it: no electricity for three days, the meter not updating.
    expect(['power_outage', 'meter_fault']).toContain(recognition.intent);
  });

  it.each(['I want to update my mobile number in electricity connection.', 'हमर घर के बिजली कट गेलो हे, मीटर में माइनस देखावऽ हइ'])(
    'does not take one\'s own connection for someone else\'s: %s',
    async (text) => expect((await recognizer.recognize(text)).intent).not.toBe('third_party'),
  );

  it('reads the need past a greeting and a labelled CA number', async () => {
    const recognition = await recognizer.recognize('hello my light is cut since morning my consumer number is 101000002 please check');
    expect(recognition.intent).toBe('power_outage');
    expect(recognition.entities.caNumber).toBe('101000002');
  });

  it('does not call a health need a fraud report', async () => {
    const recognition = await recognizer.recognize('सर मेरी माँ को दमा है, उनका नेबुलाइजर बिजली से चलता है');
    expect(recognition.intent).not.toBe('fraud_report');
    expect(recognition.intent).not.toBe('third_party');
  });
});

describe('training', () => {
  it('reads only the training corpus, never an evaluation set', () => {
    const readFileSync = jest.spyOn(fs, 'readFileSync');
    try {
      createLocalRecognizer();
      const paths = readFileSync.mock.calls.map(([file]) => path.resolve(String(file)));
      expect(paths).toContain(CORPUS);
      expect(paths).not.toContain(HELD_OUT);
      expect(paths).not.toContain(BLIND);
    } finally {
      readFileSync.mockRestore();
    }
  });

  it('has at least 40 training and 10 held-out examples for every intent', () => {
    const training = loadCorpus(CORPUS);
    const heldOut = loadCorpus(HELD_OUT);
    for (const intent of INTENT_IDS) {
      expect([intent, training.filter((e) => e.intent === intent).length >= 40]).toEqual([intent, true]);
      expect([intent, heldOut.filter((e) => e.intent === intent).length >= 10]).toEqual([intent, true]);
    }
  });

  it.each([HELD_OUT, BLIND])('holds out messages that do not occur in training: %s', (file) => {
    const training = new Set(loadCorpus(CORPUS).map((e) => normalizeText(e.text)));
    expect(loadCorpus(file).filter((e) => training.has(normalizeText(e.text)))).toEqual([]);
  });
});
