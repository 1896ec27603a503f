import { saysRegisteredNumberGone } from '../../src/understanding/lostNumber';

describe('saysRegisteredNumberGone', () => {
  it.each([
    'मेरा पुराना सिम खो गया है जिस नंबर पर बिजली का मैसेज आता था',
    'पुराना वाला तो बंद हो गया उस पर ओटीपी कैसे आएगा',
    'Sir, I am not having my old mobile number, the SIM was lost in Delhi',
    'old number पर OTP कैसे लूँ वो SIM ही नहीं है',
    'purana wala to band hai otp kaise aayega usme',
  ])('hears that the registered number is gone: %s', (text) => expect(saysRegisteredNumberGone(text)).toBe(true));

  it.each(['Actually the old number is my husband\'s, he is in Pune', 'mobile number badalna hai', 'haan phone mere paas hai'])(
    'does not hear it where it is not said: %s',
    (text) => expect(saysRegisteredNumberGone(text)).toBe(false),
  );
});
