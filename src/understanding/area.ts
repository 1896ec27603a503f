import { hasAnyPhrase, wordsOf } from './words';

/** Words that put a power cut on the whole area, not one home: the neighbours, the mohalla, the transformer. */
const AREA = [
  'area', 'ilaka', 'ilaake', 'ilake', 'mohalla', 'mohalle', 'muhalla', 'gaon', 'gao', 'village', 'colony', 'street', 'gali',
  'sector', 'ward', 'tola', 'basti', 'neighbours', 'neighbors', 'neighbour', 'neighbor', 'padosi', 'padosiyon', 'sab ke ghar',
  'sabke ghar', 'sab ghar', 'whole area', 'all houses', 'everyone', 'transformer', 'feeder', 'shutdown', 'shut down',
  'क्षेत्र', 'इलाका', 'इलाके', 'मोहल्ला', 'मोहल्ले', 'गाँव', 'गांव', 'कॉलोनी', 'गली', 'वार्ड', 'टोला', 'बस्ती', 'पड़ोसी', 'पड़ोस',
  'सबके घर', 'सब घर', 'ट्रांसफार्मर', 'ट्रांसफॉर्मर', 'फीडर', 'शटडाउन',
];

/** Whether the message says the cut is of the area, not of one home. */
export function mentionsArea(text: string): boolean {
  return hasAnyPhrase(wordsOf(text), AREA);
}
