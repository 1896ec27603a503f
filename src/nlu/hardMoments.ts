import type { IntentId } from './intents';
import { normalizeTokens } from './normalize';
import { rememberingRecent } from './recentResults';

/** What makes a fire or a shock real: words that never mean anything else, matched whole ("aage" is not "aag"). */
export type Hazard = 'meter' | 'transformer' | 'line' | 'tampering' | 'other';

/** Things people come to the section office or the website for, which the bot cannot do in a chat. */
export type ServiceTopic = 'new_connection' | 'load_change' | 'name_transfer' | 'tenant' | 'ca_number_where';

/**
 * A message a good 1912 agent answers in a particular way whatever else it says: a danger to life,
 * a scam, the discom's own team at the door, someone else's connection, or a request the bot cannot
 * serve but can say where it is served.
 */
export type HardMoment =
  | { kind: 'danger'; hazard: Hazard }
  | { kind: 'scam'; visitAsksMoney: boolean }
  | { kind: 'discom_visit' }
  | { kind: 'theft' }
  | { kind: 'third_party'; wantsLineCut: boolean }
  | { kind: 'service'; topic: ServiceTopic; bereaved: boolean };

/** Words as the normaliser spells them, so lists can be written the way people type. */
function words(...list: string[]): ReadonlySet<string> {
  return new Set(list.flatMap((word) => normalizeTokens(word)));
}

/** Message tokens with helpers for whole words, word stems and short phrases. */
class Tokens {
  readonly list: readonly string[];
  constructor(text: string) {
    this.list = normalizeTokens(text);
  }
  has(set: ReadonlySet<string>): boolean {
    return this.list.some((token) => set.has(token));
  }
  /** A token that begins with one of the stems: Hindi inflects ("कटवा", "कटवाइए", "katwaiye"). */
  hasStem(beginnings: readonly string[]): boolean {
    return this.list.some(withStem(beginnings));
  }
  /** Whether a token of `first` comes at most `gap` tokens before a token of `second`. */
  near(first: (token: string) => boolean, second: (token: string) => boolean, gap: number): boolean {
    return this.list.some((token, i) => first(token) && this.list.slice(i + 1, i + 1 + gap).some(second));
  }
  phrase(text: string): boolean {
    const wanted = phraseWords(text);
    return this.list.some((_, i) => wanted.every((word, j) => this.list[i + j] === word));
  }
}

/** The rules' phrases are constants: each is split once, and never pushes a message out of the tokeniser's recent results. */
const PHRASE_WORDS = new Map<string, readonly string[]>();
function phraseWords(phrase: string): readonly string[] {
  let wanted = PHRASE_WORDS.get(phrase);
  if (!wanted) PHRASE_WORDS.set(phrase, (wanted = normalizeTokens(phrase)));
  return wanted;
}

/** Word beginnings, spelled as the normaliser spells them (no nukta: "जोड़" is "जोड"). */
function stems(...list: string[]): readonly string[] {
  return list.map((stem) => normalizeTokens(stem).join(' ')).filter((stem) => stem.length > 0);
}

const inSet = (set: ReadonlySet<string>) => (token: string) => set.has(token);
function withStem(beginnings: readonly string[]): (token: string) => boolean {
  return (token) => beginnings.some((stem) => token.startsWith(stem));
}

// Danger.
const FIRE = words(
  'aag', 'आग', 'fire', 'flames', 'flame', 'spark', 'sparks', 'sparking', 'sparkings', 'chingari', 'chingaari', 'चिंगारी',
  'चिंगारियां', 'smoke', 'smoking', 'dhua', 'dhuan', 'dhuaan', 'dhuwa', 'dhuwan', 'धुआं', 'धुआ', 'धुँआ', 'धुंआ', 'धुँआ',
  'burning', 'burnt', 'burned', 'blast', 'dhamaka', 'धमाका', 'visphot', 'विस्फोट', 'shortcircuit',
);
const NOT_FIRE_AFTER = words('brigade', 'ब्रिगेड', 'station', 'service');
/** "jal gaya", "जलने की smell": burning only with these next to it ("बत्ती जल रही" is a lamp that is lit). */
const BURN_STEM = words('jal', 'जल', 'jalne', 'जलने', 'jalta', 'जलता');
const BURN_AFTER = words('gaya', 'गया', 'गई', 'गयी', 'ki', 'की', 'smell', 'badbu', 'बदबू', 'gandh', 'गंध');
const METER = words('meter', 'मीटर', 'box');
const TRANSFORMER = words('transformer', 'ट्रांसफार्मर', 'ट्रांसफॉर्मर', 'ट्रान्सफार्मर', 'ट्रांसफ़ॉर्मर', 'trafo');
const WIRE = words('tar', 'taar', 'तार', 'wire', 'wires', 'cable', 'केबल', 'pole', 'khamba', 'khambha', 'खंभा', 'खम्भा', 'खंभे', 'khambe');
const FALLEN = stems('gir', 'गिर', 'fallen', 'fell', 'fall', 'toot', 'टूट', 'tut', 'broken', 'snapped', 'latak', 'लटक', 'hanging', 'lying', 'पड़ा');
const CUT_OR_TOUCH = stems('kaat', 'kat', 'काट', 'cut', 'touch', 'chhu', 'छू', 'jod', 'जोड़', 'bypass', 'बाईपास', 'बायपास');
const PLIERS = words('plas', 'plaas', 'pliers', 'plier', 'प्लास', 'प्लायर', 'प्लायस', 'plaas');
const BYPASS = words('bypass', 'bypas', 'बाईपास', 'बायपास');
const DONE = words('gaya', 'गया', 'गई', 'गयी');
const SHOCK = words('shock', 'jhatka', 'झटका', 'करंट', 'electrocuted', 'electrocution');
const WATER = words('water', 'paani', 'pani', 'पानी');

// Scams.
const SCREEN_SHARING = words('anydesk', 'एनीडेस्क', 'एनी', 'teamviewer', 'quicksupport', 'rustdesk', 'apk', 'qr', 'cybercrime');
const SCAM_WORDS = words(
  'fraud', 'froud', 'farud', 'फ्रॉड', 'फ्रोड', 'scam', 'scammer', 'fake', 'farzi', 'farji', 'फर्जी', 'नकली', 'nakli', 'naqli',
  'dhokha', 'dhoka', 'dhokhadhadi', 'धोखा', 'धोखाधड़ी', 'ठगी', 'thagi', 'suspicious',
);
const SCAM_STEMS = stems('thag', 'ठग', 'dhokhe', 'dhokebaaz', 'धोखे');
const MESSAGE = words('sms', 'msg', 'message', 'massage', 'मैसेज', 'मेसेज', 'संदेश', 'whatsapp', 'watsapp', 'व्हाट्सएप', 'वॉट्सऐप');
const LINK = words('link', 'लिंक');
const ARRIVED = words('aaya', 'आया', 'आई', 'आइल', 'bheja', 'भेजा', 'bhejа', 'click', 'clicked', 'क्लिक', 'got', 'received', 'sent', 'dabaya', 'दबाया', 'dabaye');
const CUT = stems('kat', 'काट', 'कट', 'disconnect', 'cut');
const CALL_SOMEONE = words('officer', 'अधिकारी', 'adhikari', 'contact', 'संपर्क', 'call', 'कॉल', 'phone', 'फोन', 'फ़ोन');
const CODE = words('otp', 'ओटीपी', 'pin', 'पिन', 'cvv', 'code');
const ASKED_OR_SHARED = stems('maang', 'mang', 'मांग', 'माँग', 'asked', 'asking', 'share', 'gave', 'given');
const SHARED_PHRASES = ['de diya', 'दे दिया', 'bata diya', 'बता दिया'];
const INSTALL = words('install', 'installed', 'download', 'downloaded', 'इंस्टॉल', 'डाउनलोड', 'इंस्टाल');
const APP = words('app', 'ऐप', 'एप', 'application');
const CALLED = words('call', 'कॉल', 'phone', 'फोन', 'फ़ोन', 'called', 'calling', 'caller');

// The discom's own people.
const CAMPAIGN = words('abhiyan', 'अभियान', 'camp', 'कैंप', 'कैम्प', 'शिविर', 'shivir');
const PEOPLE = words('log', 'लोग', 'people', 'team', 'टीम', 'staff', 'कर्मचारी', 'karmchari', 'wale', 'वाले', 'person', 'persons', 'men', 'aadmi', 'आदमी', 'someone');
const CAME = words('aaya', 'आए', 'आये', 'आया', 'came', 'come', 'coming', 'visit', 'visited', 'door', 'दरवाजे', 'darwaje', 'gate', 'गेट');
const DISCOM_THINGS = words('meter', 'मीटर', 'mobile', 'मोबाइल', 'sbpdcl', 'nbpdcl', 'vibhag', 'विभाग', 'department', 'discom', 'bijli', 'बिजली', 'electricity', 'smart');
const MONEY = words('cash', 'नकद', 'nakad', 'naqad', 'नगद', 'phonepe', 'फोनपे', 'paytm', 'gpay', 'upi', 'यूपीआई', 'rupees', 'paisa', 'पैसा', 'पैसे', 'money', 'fee', 'charge');
const NOT = words('nahi', 'नहीं', 'ना', 'na', 'not', 'no', 'never', 'mat');

// Theft.
const THEFT = words('katiya', 'kattiya', 'kantiya', 'कटिया', 'hook', 'hooking', 'hooked', 'हुक', 'हूक', 'theft', 'stealing');
const THEFT_STEMS = stems('chori', 'चोरी');
const SUPPLY = words('bijli', 'बिजली', 'electricity', 'power', 'tar', 'तार', 'line', 'लाइन', 'wire');

// Someone else's connection.
/** A neighbour bypassing a meter is theft to report, not someone at home about to touch a wire. */
const NEIGHBOUR = words('padosi', 'padoshi', 'पड़ोसी', 'neighbour', 'neighbor', 'neighbours', 'neighbors');
const OTHER_PERSON = words(
  'padosi', 'padoshi', 'पड़ोसी', 'पडोसी', 'neighbour', 'neighbor', 'neighbours', 'neighbors', 'bagal', 'बगल', 'saamne', 'samne',
  'सामने', 'opposite', 'kiska', 'kiski', 'किसका', 'किसकी', 'किसके', 'whose', 'his', 'uska', 'uski', 'unka', 'unki', 'उसका',
  'उसकी', 'उनका', 'उनकी', 'उसके', 'उनके',
);
const NAME = words('naam', 'नाम', 'name');
const DETAIL = words('naam', 'नाम', 'name', 'mobile', 'मोबाइल', 'address', 'पता');
const ASK = stems('bata', 'बता', 'tell', 'give', 'dijiye', 'दीजिए', 'दीजिये', 'dedo', 'chahiye', 'चाहिए', 'dikha', 'दिखा', 'show');
/** Changing one's own registered details is the mobile journey, not someone else's connection. */
const UPDATE = stems('badal', 'बदल', 'change', 'update', 'अपडेट', 'link');
/** "Register karna hai" changes one's own details; "the number registered on CA …" names someone's. */
const REGISTER_PHRASES = ['register karna', 'register karwana', 'register kar do', 'register my', 'register new', 'रजिस्टर करना', 'रजिस्टर करवाना'];

function changesOwnDetails(t: Tokens): boolean {
  return t.hasStem(UPDATE) || REGISTER_PHRASES.some((phrase) => t.phrase(phrase));
}
const LINE_CUT = stems('katwa', 'कटवा', 'katva', 'disconnect');

// Office services.
const NEW = words('naya', 'nayi', 'naye', 'new', 'नया', 'नई', 'नए', 'नये');
const CONNECTION = words('connection', 'कनेक्शन', 'conection', 'connetion');
const LOAD = words('load', 'लोड');
const LOAD_CHANGE = words('kw', 'kilowatt', 'किलोवाट', 'केवी', 'increase', 'enhance', 'change', 'badhana', 'badhwana', 'बढ़ाना', 'बढ़वाना', 'karwana', 'करवाना', 'kam', 'reduce');
const NOT_LOAD = words('shedding');
const BEREAVED = words('dehant', 'देहांत', 'निधन', 'nidhan', 'expire', 'expired', 'died', 'death', 'मृत्यु', 'mrityu', 'swargwas', 'स्वर्गवास');
const BEREAVED_PHRASES = ['passed away', 'guzar gaye', 'गुजर गए', 'गुज़र गए', 'गुजर गई', 'नहीं रहे'];
const TRANSFER = words('transfer', 'ट्रांसफर', 'badalna', 'badlana', 'बदलना', 'बदलवाना', 'change', 'karwana', 'करवाना', 'karna');
const TENANT = words('kirayedar', 'kiraye', 'kiraya', 'किराए', 'किरायेदार', 'किराये', 'tenant', 'rent', 'rented');
const LANDLORD = words('landlord', 'malik', 'मालिक', 'owner', 'submeter');
const CA_WORD = words('ca', 'उपभोक्ता', 'consumer', 'कंज्यूमर');
/** "consumer forum" is not a CA number: only these follow "consumer"/"उपभोक्ता" in its name. */
const CA_NOUN = words('number', 'no', 'संख्या', 'नंबर', 'id', 'account', 'ca');
const WHERE = words('kahan', 'kaha', 'kahaan', 'कहाँ', 'कहां', 'where', 'milega', 'मिलेगा', 'printed', 'find');
const DONT_KNOW_PHRASES = ['pata nahi', 'yaad nahi', 'पता नहीं', 'याद नहीं', "don't know", 'dont know', 'do not know', 'forgot'];

function hazardOf(t: Tokens): Hazard | null {
  // "fire brigade bula liya" reports help on its way, not a new fire.
  const burning =
    t.list.some((token, i) => FIRE.has(token) && !NOT_FIRE_AFTER.has(t.list[i + 1] ?? '')) || t.near(inSet(BURN_STEM), inSet(BURN_AFTER), 1);
  if (burning || (t.has(WATER) && t.has(TRANSFORMER) && t.hasStem(['throw', 'pour', 'daal', 'डाल', 'fenk', 'फेंक']))) {
    if (t.has(TRANSFORMER)) return 'transformer';
    if (t.has(METER)) return 'meter';
    return t.has(WIRE) ? 'line' : 'other';
  }
  const wireDown = t.near(inSet(WIRE), withStem(FALLEN), 4) || t.near(withStem(FALLEN), inSet(WIRE), 1);
  // "tar kat gaya" is a broken wire; "tar kaat dete hain" is someone about to cut it.
  const wireCut = t.list.findIndex((token, i) => WIRE.has(token) && t.list.slice(i + 1, i + 4).some(withStem(CUT_OR_TOUCH)));
  const cutAlready = wireCut >= 0 && t.list.slice(wireCut + 1, wireCut + 6).some((token) => DONE.has(token));
  if (wireDown || cutAlready) return 'line';
  const aboutToTamper =
    t.has(PLIERS) || (t.has(BYPASS) && t.has(METER) && !t.has(THEFT) && !t.has(NEIGHBOUR)) || (wireCut >= 0 && !t.has(THEFT) && !t.hasStem(['direct']));
  if (aboutToTamper) return 'tampering';
  if (t.has(SHOCK) && t.hasStem(['lag', 'लग', 'maar', 'मार', 'aa', 'आ'])) return 'other';
  return null;
}

/** A caller, a link or an app that no discom uses: a scam whatever the rest of the message says. */
function surelyScam(t: Tokens): boolean {
  if (t.has(SCREEN_SHARING) || t.phrase('any desk') || t.phrase('team viewer') || t.phrase('screen share')) return true;
  if (t.has(LINK) && (t.has(MESSAGE) || t.has(ARRIVED))) return true;
  if (t.has(MESSAGE) && t.hasStem(CUT) && t.has(CALL_SOMEONE)) return true;
  if (t.has(CODE) && (t.hasStem(ASKED_OR_SHARED) || SHARED_PHRASES.some((phrase) => t.phrase(phrase)))) return true;
  return t.has(CALLED) && t.has(INSTALL) && t.has(APP);
}

function visitAsksMoney(t: Tokens): boolean {
  return t.list.some((token, i) => {
    if (!MONEY.has(token)) return false;
    const around = t.list.slice(Math.max(0, i - 3), i + 4);
    return !around.some((word) => NOT.has(word));
  });
}

function isVisit(t: Tokens): boolean {
  return t.has(CAMPAIGN) || (t.has(PEOPLE) && t.has(CAME) && t.has(DISCOM_THINGS));
}

function isTheft(t: Tokens): boolean {
  return t.has(THEFT) || (t.hasStem(THEFT_STEMS) && t.has(SUPPLY)) || t.near(withStem(['direct', 'sidha', 'सीधा', 'डायरेक्ट']), inSet(SUPPLY), 2) || t.has(BYPASS);
}

function thirdParty(t: Tokens, hasCaNumber: boolean): HardMoment | null {
  const wantsLineCut = t.has(OTHER_PERSON) && (t.hasStem(LINE_CUT) || t.phrase('kat do') || t.phrase('cut his') || t.phrase('काट दीजिए'));
  const details = t.list.filter((token) => DETAIL.has(token) && token !== 'पता');
  // "पता नहीं" is "I don't know"; पता is an address only when something is asked for.
  const address = t.list.some((token, i) => token === 'पता' && !NOT.has(t.list[i + 1] ?? '') && t.list[i + 1] !== 'चला');
  const detailCount = new Set([...details, ...(address ? ['पता'] : [])]).size;
  const asks = t.hasStem(ASK) && !changesOwnDetails(t);
  if (wantsLineCut) return { kind: 'third_party', wantsLineCut };
  if (detailCount > 0 && asks && (t.has(OTHER_PERSON) || hasCaNumber)) return { kind: 'third_party', wantsLineCut: false };
  if (detailCount >= 2 && asks && !t.has(words('mera', 'my', 'मेरा', 'मेरी', 'हमारा'))) return { kind: 'third_party', wantsLineCut: false };
  return null;
}

/** Words of one's own connection: "my meter", "हमर घर", "I want to update". */
const FIRST_PERSON = words(
  'i', 'my', 'mine', 'we', 'our', 'mera', 'meri', 'mere', 'main', 'hum', 'hamara', 'hamari', 'hamare', 'hamar', 'hamra', 'apna',
  'apni', 'apne', 'मैं', 'मेरा', 'मेरी', 'मेरे', 'हम', 'हमारा', 'हमारी', 'हमारे', 'हमर', 'हमार', 'हमरा', 'अपना', 'अपनी', 'अपने',
);
/** Words that point at another household even beside "my": "my neighbour", "whose connection". */
const ANOTHER_HOUSEHOLD = new Set([
  ...NEIGHBOUR, 'kiska', 'kiski', 'kiske', 'किसका', 'किसकी', 'किसके', 'whose', 'owns', 'bagal', 'बगल', 'saamne', 'samne', 'सामने',
  'opposite', 'else', 'dusre', 'doosre', 'दूसरे', 'uske', 'unke', 'उसके', 'उनके',
].flatMap((word) => normalizeTokens(word)));
/** What a scam report speaks of: a caller, money, a code, a link, a threat, someone posing as staff. */
const SCAM_GROUNDS = new Set([
  ...MONEY, ...CALLED, ...LINK, ...CODE, ...SCAM_WORDS, ...MESSAGE,
  ...words('dhamki', 'धमकी', 'threat', 'threatened', 'threatening', 'bankar', 'banke', 'बनकर', 'बनके', 'posing', 'claiming',
    'pretending', 'asli', 'असली', 'genuine', 'cheated', 'cheat', 'pucha', 'poocha', 'पूछा', 'asked', 'pay', 'paise', 'पैसे', 'bhejo', 'भेजो'),
]);

/**
 * Intents the local model may guess that a message gives no ground for. Trained on short reports,
 * it leans to "someone else's connection" on any message that says "mobile number" or "connection",
 * and to "fraud" on long, worried ones ("my mother is on a nebulizer … the meter is not updating");
 * those guesses stand only when the message speaks of another household or of what scams use.
 */
export function groundlessGuesses(text: string): IntentId[] {
  const t = new Tokens(text);
  const groundless: IntentId[] = [];
  if (!t.has(ANOTHER_HOUSEHOLD) && (t.has(FIRST_PERSON) || changesOwnDetails(t))) groundless.push('third_party');
  if (!t.has(SCAM_GROUNDS) && !t.hasStem(SCAM_STEMS)) groundless.push('fraud_report');
  return groundless;
}

function serviceTopic(t: Tokens, hasCaNumber: boolean): ServiceTopic | null {
  const bereaved = isBereaved(t);
  const caNumberNamed = (token: string, i: number) => token === 'ca' || (CA_WORD.has(token) && CA_NOUN.has(t.list[i + 1] ?? ''));
  const caAt = t.list.findIndex(caNumberNamed);
  if (caAt >= 0 && !hasCaNumber) {
    // "Where do I get my consumer number": the question word may stand five words before.
    const around = t.list.slice(Math.max(0, caAt - 5), caAt + 8);
    if (around.some((token) => WHERE.has(token)) || DONT_KNOW_PHRASES.some((phrase) => t.phrase(phrase))) return 'ca_number_where';
  }
  if (t.near(inSet(NEW), inSet(CONNECTION), 2)) return 'new_connection';
  if (t.has(LOAD) && t.has(LOAD_CHANGE) && !t.has(NOT_LOAD)) return 'load_change';
  if ((t.has(NAME) && t.has(TRANSFER) && (t.has(CONNECTION) || bereaved)) || (bereaved && t.has(CONNECTION))) return 'name_transfer';
  if (t.has(TENANT) && (t.has(LANDLORD) || t.has(CONNECTION) || t.has(METER))) return 'tenant';
  return null;
}

function isBereaved(t: Tokens): boolean {
  return t.has(BEREAVED) || BEREAVED_PHRASES.some((phrase) => t.phrase(phrase));
}

/**
 * The hard moment a message describes, if any. Danger comes first (a life), then scams, then the
 * discom's own visits (asked "is it genuine or fraud?", so before the word "fraud" counts), then
 * theft and someone else's connection, then office services.
 */
export function readHardMoment(text: string, hasCaNumber = false): HardMoment | null {
  return (hasCaNumber ? momentWithCaNumber : momentWithoutCaNumber)(text);
}

/** The recognizer, the root dialog and the journeys each ask about the same message in one turn. */
const momentWithCaNumber = rememberingRecent((text) => momentOf(text, true));
const momentWithoutCaNumber = rememberingRecent((text) => momentOf(text, false));

function momentOf(text: string, hasCaNumber: boolean): HardMoment | null {
  const t = new Tokens(text);
  const hazard = hazardOf(t);
  if (hazard) return { kind: 'danger', hazard };
  if (surelyScam(t)) return { kind: 'scam', visitAsksMoney: isVisit(t) && visitAsksMoney(t) };
  if (isVisit(t)) return visitAsksMoney(t) ? { kind: 'scam', visitAsksMoney: true } : { kind: 'discom_visit' };
  if (t.has(SCAM_WORDS) || t.hasStem(SCAM_STEMS)) return { kind: 'scam', visitAsksMoney: false };
  if (isTheft(t)) return { kind: 'theft' };
  const other = thirdParty(t, hasCaNumber);
  if (other) return other;
  const topic = serviceTopic(t, hasCaNumber);
  return topic ? { kind: 'service', topic, bereaved: isBereaved(t) } : null;
}

/**
 * The intent a hard moment routes to. A burning or tampered meter is the meter fault journey, a
 * fallen wire or a transformer on fire the outage journey (both warn first); the discom's own
 * visit is answered by the fraud journey, which tells it apart from a scam.
 */
export function intentOfMoment(moment: HardMoment): IntentId {
  switch (moment.kind) {
    case 'danger':
      return moment.hazard === 'line' || moment.hazard === 'transformer' ? 'power_outage' : 'meter_fault';
    case 'scam':
    case 'discom_visit':
      return 'fraud_report';
    case 'theft':
    case 'third_party':
      return 'third_party';
    case 'service':
      return 'service_info';
  }
}
