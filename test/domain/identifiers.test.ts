import { parseConsumerNumber } from '../../src/domain/consumerNumber';
import { toAsciiDigits } from '../../src/domain/digits';
import { maskAddress, maskConsumerNumber, maskMobile, maskName } from '../../src/domain/mask';
import { parseMobileNumber } from '../../src/domain/mobileNumber';
import { formatTicketNumber, parseTicketNumber, ticketNumberFromSerial } from '../../src/domain/ticketNumber';

describe('toAsciiDigits', () => {
  it('turns Devanagari digits into ASCII and leaves the rest', () => {
    expect(toAsciiDigits('१०१०००००१ ok')).toBe('101000001 ok');
  });
});

describe('parseConsumerNumber', () => {
  it.each([
    ['101000001', '101000001'],
    ['1010 0000 1', '101000001'],
    ['१०१०००००१', '101000001'],
    ['CA no: 101000001', '101000001'],
    ['123456789012', '123456789012'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseConsumerNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['10100A001', 'has_letters'],
    ['abc', 'has_letters'],
    ['12345', 'wrong_length'],
    ['1234567890123', 'wrong_length'],
    ['  ', 'empty'],
  ])('rejects %j as %s', (input, problem) => {
    expect(parseConsumerNumber(input)).toEqual({ ok: false, problem });
  });
});

describe('parseMobileNumber', () => {
  it.each([
    ['9876543210', '9876543210'],
    ['+91 98765 43210', '9876543210'],
    ['09876543210', '9876543210'],
    ['९८७६५४३२१०', '9876543210'],
  ])('reads %j', (input, expected) => {
    expect(parseMobileNumber(input)).toBe(expected);
  });

  it.each(['5876543210', '987654321', '98765432101', 'nine'])('rejects %j', (input) => {
    expect(parseMobileNumber(input)).toBeNull();
  });
});

describe('ticket numbers', () => {
  it('carry a check digit that the parser verifies', () => {
    const ticket = ticketNumberFromSerial(42);
    expect(ticket).toMatch(/^SP\d{8}$/);
    expect(parseTicketNumber(ticket)).toBe(ticket);
    const wrongLast = ticket.slice(0, -1) + String((Number(ticket.slice(-1)) + 1) % 10);
    expect(parseTicketNumber(wrongLast)).toBeNull();
  });

  it('are read however they are typed', () => {
    const ticket = ticketNumberFromSerial(2846193);
    const shown = formatTicketNumber(ticket);
    expect(shown).toMatch(/^SP-\d{4}-\d{4}$/);
    for (const typed of [shown, shown.toLowerCase(), shown.replace(/-/g, ' '), ticket]) {
      expect(parseTicketNumber(typed)).toBe(ticket);
    }
  });

  it('catch every single mistyped digit', () => {
    const ticket = ticketNumberFromSerial(1234567);
    for (let position = 2; position < ticket.length; position += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        const typo = ticket.slice(0, position) + digit + ticket.slice(position + 1);
        if (typo !== ticket) expect(parseTicketNumber(typo)).toBeNull();
      }
    }
  });
});

describe('masking', () => {
  it('keeps only what the owner needs to recognise their data', () => {
    expect(maskName('Ramesh Kumar')).toBe('R***** K****');
    expect(maskName('सुनीता देवी')).toBe('सु** दे*');
    expect(maskMobile('9876543210')).toBe('******3210');
    expect(maskConsumerNumber('1004567890')).toBe('1004xxxx90');
    expect(maskAddress('Kankarbagh Road No 5')).toBe('Kankarbagh R*** N* 5');
  });
});
