// Notes switch language inside one complaint: "subah stiffness" (morning stiffness), "pet pain", "joints sooj gaye",
// "aankh mein itching". A romanised-Urdu word of this table stands, inside a phrase of two words or more, for the
// English word it translates, so the knowledge base's English and Urdu terms also read their mixed forms. Only common
// body and complaint words are listed, each with the English words that are its plain meaning.
import { spellingFold } from './fuzzy.ts';
import { keyOf } from './text.ts';

/**
 * Romanised Urdu → the English words it means (their keys are what phrase words are compared on): places and times,
 * which may also stand for the first word of an English phrase ("pet pain", "subah stiffness").
 */
const PLACES_AND_TIMES: Readonly<Record<string, readonly string[]>> = {
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
};

/**
 * Complaint words, compared only inside a phrase: an English term puts its complaint after its place, so "dard" need
 * not start every phrase that begins with "pain".
 */
const COMPLAINTS: Readonly<Record<string, readonly string[]>> = {
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

function tableOf(...sources: ReadonlyArray<Readonly<Record<string, readonly string[]>>>): Translations {
  const table = new Map<string, Set<string>>();
  for (const source of sources) {
    for (const [urdu, english] of Object.entries(source)) {
      const fold = spellingFold(urdu) as string;
      const keys = table.get(fold) ?? new Set<string>();
      for (const word of english) keys.add(keyOf(word));
      table.set(fold, keys);
    }
  }
  return table;
}

/** Every translation (`all`), and those of places and times that may start a phrase (`starts`). */
export function buildTranslations(): { all: Translations; starts: Translations } {
  return { all: tableOf(PLACES_AND_TIMES, COMPLAINTS), starts: tableOf(PLACES_AND_TIMES) };
}
