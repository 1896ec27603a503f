import {
  parseChoice,
  parseConsumerNumberAnswer,
  parseMeterNumberAnswer,
  parseMobileAnswer,
  parseOtpAnswer,
  parseRupeeAnswer,
  parsePaymentReferenceAnswer,
  parseYesNo,
} from '../../dialogs/common/parsers';

describe('parseYesNo', () => {
  it.each(['yes', 'Yes!', 'haan', 'haan ji', 'हाँ', 'हां', 'ji', 'ok', '1', 'haan kar do', 'ha bhai', 'yes please', 'yes book it', 'ji haan', '👍'])('%j is yes', (text) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: true });
  });
  it.each(['no', 'nahi', 'nhi', 'नहीं', 'na', '2', 'nahi aayi', 'nahi chahiye', 'ji nahi', 'जी नहीं', 'no thanks'])('%j is no', (text) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: false });
  });
  it('asks again for anything else', () => {
    expect(parseYesNo('maybe tomorrow')).toEqual({ ok: false, problem: 'common.answerYesOrNo' });
  });
});

describe('parseChoice', () => {
  const options = [
    { id: 'hi', titles: ['हिंदी', 'Hindi'] },
    { id: 'en', titles: ['English'] },
  ];
  it.each([
    ['1', 'hi'],
    ['२', 'en'],
    ['english', 'en'],
    ['हिंदी', 'hi'],
  ])('%j picks %s', (text, id) => {
    expect(parseChoice(text, options)).toEqual({ ok: true, value: id });
  });
  it.each(['3', 'french', ''])('%j picks nothing', (text) => {
    expect(parseChoice(text, options).ok).toBe(false);
  });
});

describe('answers to the journeys questions', () => {
  it('explain why a CA number was refused', () => {
    expect(parseConsumerNumberAnswer('10100A001')).toEqual({ ok: false, problem: 'consumer.hasLetters' });
    expect(parseConsumerNumberAnswer('1234')).toEqual({ ok: false, problem: 'consumer.wrongLength' });
    expect(parseConsumerNumberAnswer('१०१०००००१')).toEqual({ ok: true, value: '101000001' });
  });

  it('read mobiles, OTPs and payment references as people type them', () => {
    expect(parseMobileAnswer('+91 98765 43210')).toEqual({ ok: true, value: '9876543210' });
    expect(parseMobileAnswer('12345')).toEqual({ ok: false, problem: 'mobile.invalidNumber' });
    expect(parseOtpAnswer('123 456')).toEqual({ ok: true, value: '123456' });
    expect(parseOtpAnswer('12345')).toEqual({ ok: false, problem: 'mobile.otpFormat' });
    expect(parsePaymentReferenceAnswer('UTR: 4123 0000 0003')).toEqual({ ok: true, value: '412300000003' });
    expect(parsePaymentReferenceAnswer('T2406011234567890')).toEqual({ ok: true, value: 'T2406011234567890' });
    expect(parsePaymentReferenceAnswer('paid yesterday')).toEqual({ ok: false, problem: 'recharge.referenceFormat' });
  });

  it('read the meter number from the sticker however it is spaced or cased, alone or in a sentence', () => {
    expect(parseMeterNumberAnswer('LT22N0811390')).toEqual({ ok: true, value: 'LT22N0811390' });
    expect(parseMeterNumberAnswer('lt22n 0811390')).toEqual({ ok: true, value: 'LT22N0811390' });
    expect(parseMeterNumberAnswer('meter no GS23A0104571 hai')).toEqual({ ok: true, value: 'GS23A0104571' });
    expect(parseMeterNumberAnswer('मीटर संख्या SEC2400318842 है')).toEqual({ ok: true, value: 'SEC2400318842' });
    expect(parseMeterNumberAnswer('sticker nahi dikh raha')).toEqual({ ok: false, problem: 'mobile.meterNumberFormat' });
    expect(parseMeterNumberAnswer('cancel')).toMatchObject({ ok: false });
  });

  it('read a rupee amount as people type it', () => {
    for (const text of ['500', '₹500', '500rs', '500 रुपये', '५००', 'Rs 500.00', '500 ka recharge']) {
      expect(parseRupeeAnswer(text)).toEqual({ ok: true, value: 500 });
    }
    expect(parseRupeeAnswer('Rs 1,000')).toEqual({ ok: true, value: 1000 });
    expect(parseRupeeAnswer('kal kiya tha')).toEqual({ ok: false, problem: 'mobile.amountFormat' });
    expect(parseRupeeAnswer('0')).toMatchObject({ ok: false });
  });

  it('take "don\'t know" as an answer where a consumer may not know it', () => {
    for (const text of ['pata nahi', "I don't know", 'नहीं पता', 'याद नहीं है', 'Not sure']) {
      expect(parseMeterNumberAnswer(text)).toEqual({ ok: true, value: null });
      expect(parseRupeeAnswer(text)).toEqual({ ok: true, value: null });
    }
  });

  it('find the value inside a sentence, keeping an app id as typed', () => {
    expect(parseConsumerNumberAnswer('mera CA no 101000001 hai')).toEqual({ ok: true, value: '101000001' });
    expect(parseConsumerNumberAnswer('मेरा उपभोक्ता संख्या 101000001 है')).toEqual({ ok: true, value: '101000001' });
    expect(parseMobileAnswer('mera naya number 9876500099 hai')).toEqual({ ok: true, value: '9876500099' });
    expect(parseOtpAnswer('OTP 123456 hai')).toEqual({ ok: true, value: '123456' });
    expect(parsePaymentReferenceAnswer('412300000003 hai')).toEqual({ ok: true, value: '412300000003' });
    expect(parsePaymentReferenceAnswer('UTR नंबर 412300000003')).toEqual({ ok: true, value: '412300000003' });
    expect(parsePaymentReferenceAnswer('txn id T24abC1234567')).toEqual({ ok: true, value: 'T24abC1234567' });
  });
});
