import { extractEntities } from '../../src/nlu/entities';
import type { Entities } from '../../src/nlu/recognizer';

describe('extractEntities', () => {
  describe('CA number', () => {
    it.each<[string, Entities]>([
      ['mera CA 123456789 hai', { caNumber: '123456789' }],
      ['CA no. 1234 5678 9', { caNumber: '123456789' }],
      ['उपभोक्ता संख्या १२३४५६७८९', { caNumber: '123456789' }],
      ['102345678901', { paymentReference: '102345678901' }],
      ['consumer number 102345678901', { caNumber: '102345678901' }],
      ['12345678', {}],
      ['1234567890123', {}],
      // A 10-digit number starting 6-9 with nothing around it is read as a CA number.
      ['9876543210', { caNumber: '9876543210' }],
      ['ca 9876543210', { caNumber: '9876543210' }],
    ])('%s', (text, expected) => {
      expect(extractEntities(text)).toEqual(expected);
    });
  });

  describe('mobile', () => {
    it.each<[string, Entities]>([
      ['mobile number 9876543210', { mobile: '9876543210' }],
      ['number badalna hai 9876543210', { mobile: '9876543210' }],
      ['naya number 98765 43210 hai', { mobile: '9876543210' }],
      ['मोबाइल नंबर 9876543210 बदलना है', { mobile: '9876543210' }],
      ['नया नंबर ९८७६५४३२१० है', { mobile: '9876543210' }],
      ['phone: 9876543210', { mobile: '9876543210' }],
      ['+91 98765 43210', { mobile: '9876543210' }],
      ['+919876543210', { mobile: '9876543210' }],
      ['09876543210', { mobile: '9876543210' }],
      ['mobile number 1234567890', { caNumber: '1234567890' }],
      ['mera number 9876543210 hai', { mobile: '9876543210' }],
      ['CA no 9876543210', { caNumber: '9876543210' }],
      ['उपभोक्ता संख्या 9876543210', { caNumber: '9876543210' }],
      ['CA 102345678 mobile 9123456789', { caNumber: '102345678', mobile: '9123456789' }],
      ['mobile badalna hai, CA 9876543210', { caNumber: '9876543210' }],
    ])('%s', (text, expected) => {
      expect(extractEntities(text)).toEqual(expected);
    });
  });

  describe('amount', () => {
    it.each<[string, number]>([
      ['500rs', 500],
      ['500 rs kat gaya', 500],
      ['Rs. 500', 500],
      ['rs500', 500],
      ['₹500', 500],
      ['₹ 1,000 bheja', 1000],
      ['500 rupaye', 500],
      ['500 rupees', 500],
      ['500 रुपये', 500],
      ['५०० रुपये', 500],
      ['450/- kat gaya', 450],
      ['INR 250.50', 250.5],
      ['500 ka recharge kiya', 500],
      ['200 का रिचार्ज किया', 200],
    ])('%s -> %d', (text, amount) => {
      expect(extractEntities(text).amount).toBe(amount);
    });

    it('does not read a CA number as an amount', () => {
      expect(extractEntities('123456789 rs')).toEqual({ caNumber: '123456789' });
    });
  });

  describe('payment reference', () => {
    it.each<[string, string]>([
      ['utr 412345678901', '412345678901'],
      ['UTR no: 4123 4567 8901', '412345678901'],
      ['ref no. 412345678901', '412345678901'],
      ['412345678901', '412345678901'],
      ['txn id T2401051234567', 'T2401051234567'],
      ['transaction id: pay_Nx7Hq2K9mA1', 'pay_Nx7Hq2K9mA1'],
      ['यूटीआर 412345678901 है', '412345678901'],
      ['Ref: ABC123456', 'ABC123456'],
      ['ye lo reference 412300000012', '412300000012'],
      ['reference id PAY12345678', 'PAY12345678'],
    ])('%s -> %s', (text, reference) => {
      expect(extractEntities(text).paymentReference).toBe(reference);
    });

    it('reads a 12-digit number after a reference word as the reference, not the CA number', () => {
      expect(extractEntities('utr 102345678901')).toEqual({ paymentReference: '102345678901' });
    });

    it('ignores reference words not followed by an id', () => {
      expect(extractEntities('transaction failed')).toEqual({});
    });
  });

  describe('ticket number', () => {
    it.each<[string, Entities]>([
      ['SP-2846-1937', { ticketNumber: 'SP28461937' }],
      ['sp 2846 1937 ka kya hua', { ticketNumber: 'SP28461937' }],
      ['complaint SP28461937', { ticketNumber: 'SP28461937' }],
      ['शिकायत SP-२८४६-१९३७', { ticketNumber: 'SP28461937' }],
      // A wrong check digit is not a ticket, and its digits are not read as anything else.
      ['SP28461936', {}],
    ])('%s', (text, expected) => {
      expect(extractEntities(text)).toEqual(expected);
    });
  });

  describe('language', () => {
    it.each<[string, 'en' | 'hi' | undefined]>([
      ['english please', 'en'],
      ['in english', 'en'],
      ['English', 'en'],
      ['अंग्रेजी में बताइए', 'en'],
      ['hindi me', 'hi'],
      ['हिंदी में', 'hi'],
      ['हिन्दी', 'hi'],
      ['english nahi aati hindi me bolo', 'hi'],
      ["I don't know English", undefined],
      ['recharge kiya light nahi aayi', undefined],
    ])('%s -> %s', (text, language) => {
      expect(extractEntities(text).language).toBe(language);
    });
  });

  it('reads several entities from one message without reading a digit twice', () => {
    expect(extractEntities('CA 123456789 pe 500rs recharge kiya, UTR 412345678901, light nahi aayi')).toEqual({
      caNumber: '123456789',
      amount: 500,
      paymentReference: '412345678901',
    });
  });

  it('reads two numbers typed next to each other separately', () => {
    expect(extractEntities('500 123456789')).toEqual({ caNumber: '123456789' });
  });

  it('reads a CA number said digit by digit, as voice typing writes it', () => {
    expect(extractEntities('my consumer number is one zero one zero zero zero zero zero two please check').caNumber).toBe('101000002');
    expect(extractEntities('उपभोक्ता संख्या है एक शून्य एक शून्य शून्य शून्य शून्य शून्य पांच').caNumber).toBe('101000005');
  });

  it('finds nothing in plain text', () => {
    expect(extractEntities('meter jal gaya')).toEqual({});
  });
});
