// Notes switch language inside one complaint: "subah stiffness" (morning stiffness), "pet pain", "joints sooj gaye",
// "aankh mein itching". A romanised-Urdu word of this table stands, inside a phrase of two words or more, for the
// English word it translates, so the knowledge base's English and Urdu terms also read their mixed forms. Only common
// body and complaint words are listed, each with the English words that are its plain meaning.
import { spellingFold } from './fuzzy.ts';
import { keyOf } from './text.ts';

/** Romanised Urdu → the English words it means (their keys are what phrase words are compared on). */
const TRANSLATIONS: Readonly<Record<string, readonly string[]>> = {
  // Time
  subah: ['morning'],
  raat: ['night'],
  din: ['day', 'days'],
  // Body
  sar: ['head'],
  sir: ['head'],
  aankh: ['eye'],
  aankhen: ['eyes'],
  aankhon: ['eyes'],
  kaan: ['ear', 'ears'],
  kaanon: ['ears'],
  naak: ['nose'],
  gala: ['throat'],
  gale: ['throat'],
  seena: ['chest'],
  seene: ['chest'],
  chhati: ['chest'],
  pet: ['stomach', 'abdomen', 'belly', 'tummy'],
  pait: ['stomach', 'abdomen', 'belly', 'tummy'],
  kamar: ['back'],
  gardan: ['neck'],
  kandha: ['shoulder'],
  kandhe: ['shoulder'],
  ghutna: ['knee'],
  ghutne: ['knee', 'knees'],
  ghutnon: ['knees'],
  haath: ['hand', 'hands'],
  haathon: ['hands'],
  pair: ['foot', 'feet', 'leg', 'legs'],
  pairon: ['feet', 'legs'],
  paon: ['foot', 'feet'],
  ungli: ['finger'],
  ungliyan: ['fingers'],
  ungliyon: ['fingers'],
  jod: ['joint', 'joints'],
  jodon: ['joints'],
  jild: ['skin'],
  baal: ['hair'],
  daant: ['tooth', 'teeth'],
  daanton: ['teeth'],
  masoode: ['gums'],
  masoodon: ['gums'],
  munh: ['mouth'],
  zaban: ['tongue'],
  dil: ['heart'],
  peshab: ['urine', 'urination'],
  khoon: ['blood'],
  // Complaints
  dard: ['pain', 'ache'],
  sujan: ['swelling'],
  soojan: ['swelling'],
  sooj: ['swollen', 'swelling'],
  kharish: ['itching', 'itch'],
  khujli: ['itching', 'itch'],
  jalan: ['burning'],
  laali: ['redness'],
  akdan: ['stiffness'],
  akad: ['stiff', 'stiffness'],
  kamzori: ['weakness'],
  sunn: ['numb', 'numbness'],
  khansi: ['cough'],
  bukhar: ['fever'],
  ulti: ['vomiting', 'vomit'],
  chakkar: ['dizziness', 'dizzy'],
  saans: ['breath', 'breathing'],
  neend: ['sleep'],
  bhook: ['appetite', 'hunger'],
  pyaas: ['thirst'],
  paseena: ['sweat', 'sweating'],
  daane: ['rash', 'pimples', 'spots'],
  daag: ['spots', 'patches', 'marks'],
  zakhm: ['wound', 'ulcer', 'sore'],
};

/** A word's spelling fold → the keys of the English words it means. */
export type Translations = ReadonlyMap<string, ReadonlySet<string>>;

export function buildTranslations(): Translations {
  const table = new Map<string, Set<string>>();
  for (const [urdu, english] of Object.entries(TRANSLATIONS)) {
    const fold = spellingFold(urdu) as string;
    const keys = table.get(fold) ?? new Set<string>();
    for (const word of english) for (const part of word.split(' ')) keys.add(keyOf(part));
    table.set(fold, keys);
  }
  return table;
}
