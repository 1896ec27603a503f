import { groundlessGuesses, intentOfMoment, readHardMoment } from '../../src/nlu/hardMoments';

describe('readHardMoment', () => {
  it.each([
    ['jaldi batao light kab aayegi, aage wale ghar me bhi nahi hai'],
    ['बत्ती जल रही है पर पंखा नहीं चल रहा'],
    ['हमारे पड़ोसी की बिजली जल रही है'],
    ['mera mobile number badalna hai, OTP nahi aata'],
    ['This is cheating with consumers, so much deducted'],
    ['fire brigade bula liya hai'],
    ['If it is not solved I will go to the consumer forum. Where to complain?'],
  ])('finds no hard moment in an ordinary message: %s', (text) => {
    expect(readHardMoment(text)).toBeNull();
  });

  it.each([
    ['meter se chingari nikal rahi hai', { kind: 'danger', hazard: 'meter' }, 'meter_fault'],
    ['मीटर में आग लग गई', { kind: 'danger', hazard: 'meter' }, 'meter_fault'],
    ['transformer me aag lagi hai log paani daal rahe', { kind: 'danger', hazard: 'transformer' }, 'power_outage'],
    ['a live wire has fallen on the road', { kind: 'danger', hazard: 'line' }, 'power_outage'],
    ['चाचा प्लास लेकर मीटर का तार काटने जा रहे हैं', { kind: 'danger', hazard: 'tampering' }, 'meter_fault'],
    ['caller asked me to install AnyDesk', { kind: 'scam', visitAsksMoney: false }, 'fraud_report'],
    ['WhatsApp pe bill ka link aaya hai', { kind: 'scam', visitAsksMoney: false }, 'fraud_report'],
    ['Sampark Abhiyan camp laga hai, ye fraud to nahi?', { kind: 'discom_visit' }, 'fraud_report'],
    ['meter wale aaye hain, 1500 nakad maang rahe hain', { kind: 'scam', visitAsksMoney: true }, 'fraud_report'],
    ['padosi katiya laga ke bijli chala raha hai', { kind: 'theft' }, 'third_party'],
    ['bagal wale ka CA 101000001 hai, unka mobile number chahiye', { kind: 'third_party', wantsLineCut: false }, 'third_party'],
    ['उसका लाइन कटवा दीजिए', { kind: 'third_party', wantsLineCut: true }, 'third_party'],
    ['naya connection lena hai dukan ke liye', { kind: 'service', topic: 'new_connection', bereaved: false }, 'service_info'],
    ['My mother passed away, transfer the connection to my name', { kind: 'service', topic: 'name_transfer', bereaved: true }, 'service_info'],
    ['उपभोक्ता संख्या कहाँ लिखा होता है?', { kind: 'service', topic: 'ca_number_where', bereaved: false }, 'service_info'],
  ])('reads %s', (text, moment, intent) => {
    const read = readHardMoment(text, /\d{9}/.test(text));
    expect(read).toEqual(moment);
    expect(read && intentOfMoment(read)).toBe(intent);
  });
});

describe('groundlessGuesses', () => {
  it.each([
    'I want to update my mobile number',
    'हमर घर के बिजली कट गेलो हे',
    'mera meter number kya hai',
  ])('gives no ground for someone else\'s connection when the consumer speaks of their own: %s', (text) => {
    expect(groundlessGuesses(text)).toContain('third_party');
  });

  it.each(['what is the name on CA 102000345 of my neighbour', 'tell me who owns this connection', 'uske ghar ka pata batao'])(
    'keeps ground for someone else\'s connection: %s',
    (text) => expect(groundlessGuesses(text)).not.toContain('third_party'),
  );

  it.each(['a caller asked for my OTP', 'ek aadmi meter wala bankar paise le gaya', 'got a link to pay my bill'])(
    'keeps ground for a scam report: %s',
    (text) => expect(groundlessGuesses(text)).not.toContain('fraud_report'),
  );

  it('gives no ground for a scam report to a health need', () => {
    expect(groundlessGuesses('meri maa ko dama hai, nebulizer bijli se chalta hai')).toContain('fraud_report');
  });
});
