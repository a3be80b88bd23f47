// A remedy whose Mizaj adds to both the patient's and the disease's: a hot drug for a Safravi or Damvi patient with a
// disease of Safra or Dam, a cold drug for a Balghami or Saudavi patient with a disease of Balgham or Sauda. Unani
// treats with opposite qualities (‘Ilaj bi’l Zid, WHO IUMT-7.1.14), so heat given to heat is worth a second look —
// a caution beside the item, never a block: a hot drug can be right for other reasons (a corrective, a short course).
import { type Humour, humourOfType, type PrescribingWarning, type Temperament } from '@unani/contracts';
import type { EngineDisease, EngineRemedy } from '../types.ts';

type Quality = 'hot' | 'cold';

const HUMOUR_QUALITY: Record<Humour, Quality> = { dam: 'hot', safra: 'hot', balgham: 'cold', sauda: 'cold' };

const HUMOUR_NAME: Record<Humour, { en: string; ur: string }> = {
  dam: { en: 'Dam', ur: 'دم' },
  safra: { en: 'Safra', ur: 'صفرا' },
  balgham: { en: 'Balgham', ur: 'بلغم' },
  sauda: { en: 'Sauda', ur: 'سودا' },
};

const TEMPERAMENT_NAME: Record<Temperament, { en: string; ur: string }> = {
  damvi: { en: 'Damvi', ur: 'دموی' },
  safravi: { en: 'Safravi', ur: 'صفراوی' },
  balghami: { en: 'Balghami', ur: 'بلغمی' },
  saudavi: { en: 'Saudavi', ur: 'سوداوی' },
};

const QUALITY_URDU: Record<Quality, string> = { hot: 'گرم', cold: 'سرد' };
const DEGREE_WORDS_URDU: Record<string, string> = {
  Hot: 'گرم',
  Cold: 'سرد',
  Dry: 'خشک',
  Moist: 'تر',
  Moderate: 'معتدل',
};

/** Hot or cold by the first quality of a drug's temperament ("Hot 2, Dry 2"); "Moderate" is neither. */
export function remedyQuality(temperament: string | undefined): Quality | undefined {
  if (/^Hot\b/.test(temperament ?? '')) return 'hot';
  if (/^Cold\b/.test(temperament ?? '')) return 'cold';
  return undefined;
}

/** Hot when every humour of the disease is hot (Safra, Dam), cold when every one is cold; mixed or none: neither. */
export function diseaseQuality(humours: readonly Humour[] | undefined): Quality | undefined {
  const qualities = new Set((humours ?? []).map((h) => HUMOUR_QUALITY[h]));
  return qualities.size === 1 ? [...qualities][0] : undefined;
}

const urduTemperament = (t: string) =>
  t.replace(/[A-Za-z]+/g, (word) => DEGREE_WORDS_URDU[word] ?? word).replace(/,/g, '،');

/** The caution for one remedy, when the remedy, the patient's Mizaj and the disease all lean the same way. */
export function temperamentCaution(
  remedy: EngineRemedy,
  patient: Temperament | undefined,
  disease: EngineDisease | undefined,
): PrescribingWarning | undefined {
  const quality = remedyQuality(remedy.temperament);
  if (!quality || !patient || !disease || !remedy.temperament) return undefined;
  // A temperament leans as the humour it is named after does (Safravi: Safra, hot).
  if (HUMOUR_QUALITY[humourOfType[patient]] !== quality || diseaseQuality(disease.humours) !== quality)
    return undefined;
  const humours = disease.humours ?? [];
  const mizaj = TEMPERAMENT_NAME[patient];
  const heat = quality === 'hot' ? 'heat' : 'cold';
  const heatUrdu = quality === 'hot' ? 'گرمی پر گرمی' : 'سردی پر سردی';
  return {
    kind: 'temperament',
    level: 'check',
    message:
      `${remedy.name} is ${quality} (${remedy.temperament}), for a ${mizaj.en} (${quality}) patient with ` +
      `${disease.name}, a disease of ${humours.map((h) => HUMOUR_NAME[h].en).join(' and ')}: treatment by ` +
      `opposites (Ilaj bil Zid) would not add ${heat} to ${heat} — confirm it is intended.`,
    messageUrdu:
      `${remedy.urduName ?? remedy.name} کا مزاج ${QUALITY_URDU[quality]} ہے (${urduTemperament(remedy.temperament)})، ` +
      `اور مریض ${mizaj.ur} (${QUALITY_URDU[quality]}) مزاج کا ہے، ${disease.urduName ?? disease.name} ` +
      `${humours.map((h) => HUMOUR_NAME[h].ur).join(' اور ')} کی بیماری ہے: علاج بالضد میں ${heatUrdu} نہیں ` +
      'دی جاتی — تصدیق کریں کہ یہی مقصود ہے۔',
  };
}
