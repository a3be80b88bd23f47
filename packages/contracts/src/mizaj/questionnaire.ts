// The Ajnas-e-Ashra questionnaire: the ten determinants of temperament (Ibn Sina's signs of Mizaj) asked as twelve
// questions a practitioner answers at the bedside. Each answer leans hot (+1) or cold (−1) and moist (+1) or dry
// (−1), or neither (0); scoreMizaj adds them up. Plain data without zod, so the web app can load it with the form.
//
// Provenance. The ten headings follow WHO's International Standard Terminologies on Unani Medicine (2022),
// IUMT-3.1.165 "ten identifying features of temperament" (Ajnās ‘Ashara / Adilla-i-Mizāj: complexion, build,
// texture of the skin, hair, diet, sleep, the seasons the person bears worst, pulse, emotions), with Ibn Sina's
// names for them as Unani teaching lists them (Malmas, Lahm wa Shahm, Sha'r, Laun, Haiyat-e-A'za, Kaifiyat-e-Infe'al,
// Naum wa Yaqza, Af'al-e-A'za, Fuzlat, Infe'alat-e-Nafsaniya). Which quality each answer points to is taken from the
// sources in `mizajQuestionnaireSources`, named per question in `basis`. Scoring hot/cold and moist/dry as two
// separate axes follows the validated Mizaj questionnaires of Persian medicine (`mizaj-questionnaire-validation`),
// but no weights are taken from a validated instrument: every lean counts one step (±1), and a sign the sources
// disagree on counts 0 on that axis. The wording is this project's own and has not been validated against expert
// assessment: the result is an aid to the practitioner's judgement, which can always overrule it.
import type { Temperament } from '../vocabulary.ts';

/** −1 cold or dry, +1 hot or moist, 0 neither. */
export type Lean = -1 | 0 | 1;

export interface MizajAnswerOption {
  id: string;
  en: string;
  ur: string;
  /** Hot (+1) or cold (−1). */
  hot: Lean;
  /** Moist (+1) or dry (−1). */
  moist: Lean;
}

export interface MizajQuestion {
  id: string;
  /** Which of the ten determinants (Ajnas-e-Ashra) the question asks about. */
  determinant: { name: string; en: string; ur: string };
  en: string;
  ur: string;
  answers: readonly MizajAnswerOption[];
  /** Codes of `mizajQuestionnaireSources` that state the leans of the answers. */
  basis: readonly MizajSourceCode[];
}

/** Stored with each assessment, so answers keep their meaning if the questions change. */
export const MIZAJ_QUESTIONNAIRE_VERSION = 'ajnas-ashra-1';

/** The answer "not known": allowed for every question, and not counted. */
export const NOT_KNOWN = 'not-known';

export const mizajQuestionnaireSources = {
  'who-iumt': {
    title: 'WHO International Standard Terminologies on Unani Medicine (2022)',
    note:
      'IUMT-3.1.165 (the ten identifying features of temperament); IUMT-3.1.173–176 (sanguine: strong build, full ' +
      'pulse, pinkish skin; phlegmatic: fatty body, much sleep, whitish skin; bilious: thin build, yellowish skin, ' +
      'rapid pulse; melancholic: thin build, blackish skin). Read in data/external/who-iumt/unani-terms.csv.',
  },
  'mizaj-questionnaire-validation': {
    title:
      'Mojahedi M, Naseri M, Majdzadeh R, et al. Reliability and validity assessment of Mizaj questionnaire: a novel ' +
      'self-report scale in Iranian traditional medicine. Iran Red Crescent Med J 2014;16(3):e15924',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC4005447',
    note:
      'A ten-item self-report questionnaire in two subscales (warm/cold, wet/dry) against experts’ assessment: ' +
      'sensitivity 65% and specificity 93% for warm, 52% and 97% for cold, 53% and 67% for dry, 53% and 76% for wet ' +
      '(abstract). Its items and cut-offs are not used here.',
  },
  'determination-of-temperament': {
    title: 'Determination of temperament: the ten determinants of Ibn Sina (livinginwellbeing.org)',
    url: 'https://livinginwellbeing.org/determination-of-temperament',
    note:
      'Malmas: warmth or coldness and softness or hardness by touch; Lahm wa Shahm: much muscle hot and moist, much ' +
      'fat cold and moist; Sha’r: quick growth hot, slow growth cold, dark hair hot, coarse straight hair hot and ' +
      'moist, coarse curly hair hot and dry, fine scanty hair cold and dry.',
  },
  'canon-signs': {
    title: 'Signs of health in human: a blog rendering of Ibn Sina’s Canon, book 1, on the signs of temperament',
    url: 'https://gurchani.blogspot.com/2022/08/signs-of-health-in-human.html',
    note:
      'Much flesh a sign of heat with moisture, much fat of cold with moisture; much desire for sleep a sign of ' +
      'moisture, little of dryness, moderate of balance; strong body odour a sign of heat, little of cold.',
  },
  'canon-pulse-character': {
    title: 'Signs of the kinds of temperament: an Indonesian rendering of Ibn Sina’s Canon, book 1 (medicinka.com)',
    url: 'https://medicinka.com/id/a/i/priznaki-raznovidnostej-78369',
    note:
      'Hot: large, frequent, quick pulse, strong anger and resolve; cold: small, slow, infrequent pulse, sluggishness ' +
      'and timidity; moist: soft pulse, quick to be moved by anger or joy and quick to settle; dry: hard pulse, slow ' +
      'to be moved and slow to settle.',
  },
  'canon-urine': {
    title: 'Signs from the colour and smell of urine: renderings of Ibn Sina’s Canon (medicinka.com)',
    url: 'https://medicinka.com/id/a/i/priznaki-po-cvetu-mochi-77971',
    note:
      'Yellows deeper than lemon show a fiery (hot) nature; urine without smell shows a cold nature ' +
      '(https://medicinka.com/it/a/i/priznaki-opredelyaemyh-77969).',
  },
  'galen-ars-parva': {
    title: 'Galen, Ars parva (al-Sina‘a al-saghira), Arabic text, ch. 15–16',
    url: 'https://usul.ai/ps/t/sinaca-saghira-li-jalinus/77',
    note:
      'Cold: little hair, much fat, cold to the touch, fair hair; dry: leaner and harder; moist: more flesh, softer; ' +
      'hot and dry: more hair, warmer, harder, lean, black hair.',
  },
  'responsiveness-of-organs': {
    title:
      'Faiz A, Ali F. Quality of responsiveness of body organs (Kayfiyat Infi‘al) with respect to determination of ' +
      'human temperament',
    url: 'https://ijisrt.com/quality-of-responsiveness-of-body-organs-kayfit-infl-with-respect-to-determination-of-human-temperament',
    note: 'A body quickly affected by heat, cold, moisture or dryness has that quality predominant (IJISRT 2019, 4(9)).',
  },
  'four-characters': {
    title:
      'An anonymous Greek text on the four temperaments, quoted from Greek Medicine from Hippocrates to Galen (eds ' +
      'Scarborough, van der Eijk, Hanson, Ziegler) on a clinic’s blog',
    url: 'https://londonhijamaclinic.com/blog/2022/1/4/types',
    note:
      'Blood: friendly, joking and laughing, rosy skin; yellow bile: quick-tempered, bitter, daring, yellow skin; ' +
      'black bile: indolent, faint-hearted; phlegm: despondent, forgetful.',
  },
  'four-intemperaments': {
    title: 'The four primary intemperaments of the Tibb system',
    url: 'http://jimbergmd.com/Way%20of%20Barefoot%20Doctoring/WEB%20way%20of%20bfd/Unani-four%20prim%20intemperaments.html',
    note:
      'Excess heat: much thirst, great suffering in summer; excess cold: weak digestion, little desire for drink, ' +
      'great suffering in winter.',
  },
} as const;

export type MizajSourceCode = keyof typeof mizajQuestionnaireSources;

export const mizajQuestions = [
  {
    id: 'build',
    determinant: { name: 'Lahm wa Shahm', en: 'Flesh and fat', ur: 'لحم و شحم' },
    en: 'Build: flesh and fat',
    ur: 'جسم کی ساخت: گوشت اور چربی',
    answers: [
      { id: 'muscular', en: 'Muscular, well-fleshed and firm', ur: 'گٹھا ہوا، بھرا ہوا اور مضبوط', hot: 1, moist: 1 },
      { id: 'lean', en: 'Lean and thin, little flesh or fat', ur: 'دبلا پتلا، گوشت اور چربی کم', hot: 0, moist: -1 },
      { id: 'plump', en: 'Plump and soft, with much fat', ur: 'فربہ اور نرم، چربی زیادہ', hot: -1, moist: 1 },
      { id: 'medium', en: 'In between', ur: 'درمیانہ', hot: 0, moist: 0 },
    ],
    basis: ['canon-signs', 'determination-of-temperament', 'galen-ars-parva', 'who-iumt'],
  },
  {
    id: 'complexion',
    determinant: { name: 'Laun', en: 'Complexion', ur: 'لون' },
    en: 'Complexion',
    ur: 'رنگت',
    answers: [
      { id: 'ruddy', en: 'Ruddy, reddish or pink', ur: 'سرخی مائل یا گلابی', hot: 1, moist: 1 },
      { id: 'yellowish', en: 'Yellowish or sallow', ur: 'زردی مائل', hot: 1, moist: -1 },
      { id: 'pale', en: 'Pale or whitish', ur: 'سفیدی مائل یا پھیکی', hot: -1, moist: 1 },
      // WHO gives blackish skin to the melancholic (cold and dry), the Canon dark skin to heat: dry only.
      { id: 'dark', en: 'Dark or dusky', ur: 'سانولی یا سیاہی مائل', hot: 0, moist: -1 },
    ],
    basis: ['who-iumt', 'canon-signs'],
  },
  {
    id: 'touch-warmth',
    determinant: { name: 'Malmas', en: 'Touch', ur: 'ملمس' },
    en: 'Warmth of the skin to the hand (not in fever, not after a bath)',
    ur: 'ہاتھ لگانے پر جلد کی حرارت (بخار یا غسل کے فوراً بعد نہیں)',
    answers: [
      { id: 'warm', en: 'Warm', ur: 'گرم', hot: 1, moist: 0 },
      { id: 'cool', en: 'Cool', ur: 'ٹھنڈی', hot: -1, moist: 0 },
      { id: 'neither', en: 'Neither warm nor cool', ur: 'نہ گرم نہ ٹھنڈی', hot: 0, moist: 0 },
    ],
    basis: ['determination-of-temperament', 'galen-ars-parva'],
  },
  {
    id: 'touch-texture',
    determinant: { name: 'Malmas', en: 'Touch', ur: 'ملمس' },
    en: 'Feel of the skin and nails',
    ur: 'جلد اور ناخنوں کی کیفیت',
    answers: [
      { id: 'soft', en: 'Soft and smooth', ur: 'نرم اور ملائم', hot: 0, moist: 1 },
      { id: 'dry-rough', en: 'Dry, rough or hard', ur: 'خشک، کھردری یا سخت', hot: 0, moist: -1 },
      { id: 'between', en: 'In between', ur: 'درمیانی', hot: 0, moist: 0 },
    ],
    basis: ['determination-of-temperament', 'galen-ars-parva'],
  },
  {
    id: 'hair-growth',
    determinant: { name: 'Sha’r', en: 'Hair', ur: 'شعر' },
    en: 'Hair: amount, growth and colour',
    ur: 'بال: مقدار، بڑھوتری اور رنگ',
    answers: [
      { id: 'abundant', en: 'Abundant and dark, grows quickly', ur: 'گھنے اور سیاہ، جلد بڑھنے والے', hot: 1, moist: 0 },
      { id: 'moderate', en: 'Moderate', ur: 'درمیانے', hot: 0, moist: 0 },
      {
        id: 'sparse',
        en: 'Sparse, fine or light-coloured, grows slowly',
        ur: 'کم، باریک یا ہلکے رنگ کے، دیر سے بڑھنے والے',
        hot: -1,
        moist: 0,
      },
    ],
    basis: ['determination-of-temperament', 'galen-ars-parva'],
  },
  {
    id: 'hair-texture',
    determinant: { name: 'Sha’r', en: 'Hair', ur: 'شعر' },
    en: 'Hair: texture',
    ur: 'بال: بناوٹ',
    answers: [
      { id: 'thick-straight', en: 'Thick and straight', ur: 'موٹے اور سیدھے', hot: 1, moist: 1 },
      { id: 'thick-curly', en: 'Thick and curly', ur: 'موٹے اور گھنگھریالے', hot: 1, moist: -1 },
      { id: 'fine', en: 'Fine and thin', ur: 'باریک اور پتلے', hot: -1, moist: -1 },
    ],
    basis: ['determination-of-temperament'],
  },
  {
    id: 'sleep',
    determinant: { name: 'Naum wa Yaqza', en: 'Sleep and waking', ur: 'نوم و یقظہ' },
    en: 'Sleep',
    ur: 'نیند',
    answers: [
      {
        id: 'much',
        en: 'Sleeps long and deeply, often drowsy',
        ur: 'زیادہ اور گہری نیند، اکثر غنودگی',
        hot: 0,
        moist: 1,
      },
      {
        id: 'little',
        en: 'Sleeps little or lightly, wakes easily',
        ur: 'کم یا ہلکی نیند، جلد آنکھ کھل جاتی ہے',
        hot: 0,
        moist: -1,
      },
      { id: 'moderate', en: 'Moderate', ur: 'معتدل', hot: 0, moist: 0 },
    ],
    basis: ['canon-signs', 'who-iumt'],
  },
  {
    id: 'weather',
    determinant: { name: 'Kaifiyat-e-Infe’al', en: 'Response to heat and cold', ur: 'کیفیتِ انفعال' },
    en: 'Which weather troubles the patient more?',
    ur: 'مریض کو کون سا موسم زیادہ تکلیف دیتا ہے؟',
    answers: [
      { id: 'hot', en: 'Hot weather, summer', ur: 'گرم موسم، گرمیاں', hot: 1, moist: 0 },
      { id: 'cold', en: 'Cold weather, winter', ur: 'سرد موسم، سردیاں', hot: -1, moist: 0 },
      { id: 'neither', en: 'Neither in particular', ur: 'کوئی خاص نہیں', hot: 0, moist: 0 },
    ],
    basis: ['responsiveness-of-organs', 'four-intemperaments'],
  },
  {
    id: 'appetite',
    determinant: { name: 'Af’al-e-A’za', en: 'Functions of the organs', ur: 'افعالِ اعضا' },
    en: 'Appetite, digestion and thirst',
    ur: 'بھوک، ہاضمہ اور پیاس',
    answers: [
      { id: 'strong', en: 'Strong appetite and much thirst', ur: 'بھوک اور پیاس زیادہ', hot: 1, moist: 0 },
      { id: 'weak', en: 'Weak digestion and little thirst', ur: 'ہاضمہ کمزور، پیاس کم', hot: -1, moist: 0 },
      { id: 'moderate', en: 'Moderate', ur: 'معتدل', hot: 0, moist: 0 },
    ],
    basis: ['four-intemperaments'],
  },
  {
    id: 'excretions',
    determinant: { name: 'Fuzlat', en: 'Excretions', ur: 'فضلات' },
    en: 'Urine, sweat and stool',
    ur: 'پیشاب، پسینہ اور پاخانہ',
    answers: [
      {
        id: 'strong',
        en: 'Deep-coloured urine; strong smell of sweat and stool',
        ur: 'پیشاب گہرے رنگ کا؛ پسینے اور پاخانے کی بو تیز',
        hot: 1,
        moist: 0,
      },
      { id: 'faint', en: 'Pale urine; little smell', ur: 'پیشاب ہلکے رنگ کا؛ بو کم', hot: -1, moist: 0 },
      { id: 'ordinary', en: 'Ordinary', ur: 'عام', hot: 0, moist: 0 },
    ],
    basis: ['canon-urine', 'canon-signs'],
  },
  {
    id: 'pulse',
    determinant: { name: 'Af’al-e-A’za', en: 'Functions of the organs', ur: 'افعالِ اعضا' },
    en: 'Pulse (Nabz), if felt',
    ur: 'نبض، اگر دیکھی گئی ہو',
    answers: [
      { id: 'full-soft', en: 'Large, full and soft', ur: 'بڑی، بھری ہوئی اور نرم', hot: 1, moist: 1 },
      { id: 'quick-hard', en: 'Quick and frequent, hard', ur: 'تیز اور متواتر، سخت', hot: 1, moist: -1 },
      { id: 'slow-soft', en: 'Small, slow and soft', ur: 'چھوٹی، سست اور نرم', hot: -1, moist: 1 },
      { id: 'slow-hard', en: 'Small, slow and hard', ur: 'چھوٹی، سست اور سخت', hot: -1, moist: -1 },
    ],
    basis: ['canon-pulse-character', 'who-iumt'],
  },
  {
    id: 'mind',
    determinant: { name: 'Infe’alat-e-Nafsaniya', en: 'States of mind', ur: 'انفعالاتِ نفسانیہ' },
    en: 'State of mind',
    ur: 'ذہنی کیفیت',
    answers: [
      {
        id: 'cheerful',
        en: 'Cheerful and lively; quickly moved and quickly settled',
        ur: 'خوش مزاج اور زندہ دل؛ جلد متاثر، جلد پرسکون',
        hot: 1,
        moist: 1,
      },
      {
        id: 'quick-tempered',
        en: 'Quick to anger, bold and determined; anger lingers',
        ur: 'جلد غصہ، دلیر اور پرعزم؛ غصہ دیر تک رہتا ہے',
        hot: 1,
        moist: -1,
      },
      {
        id: 'calm',
        en: 'Calm, slow and placid; slow to anger',
        ur: 'پرسکون، دھیما اور ٹھنڈا؛ دیر سے غصہ',
        hot: -1,
        moist: 1,
      },
      {
        id: 'anxious',
        en: 'Anxious, brooding or fearful; moods last long',
        ur: 'فکرمند، گم سم یا خوف زدہ؛ کیفیت دیر تک رہتی ہے',
        hot: -1,
        moist: -1,
      },
    ],
    basis: ['canon-pulse-character', 'four-characters'],
  },
] as const satisfies readonly MizajQuestion[];

export type MizajQuestionId = (typeof mizajQuestions)[number]['id'];

/** The temperament of each pair of leans: hot and moist is Damvi, hot and dry Safravi, and so on. */
export function temperamentOf(hot: 'hot' | 'cold', moist: 'moist' | 'dry'): Temperament {
  if (hot === 'hot') return moist === 'moist' ? 'damvi' : 'safravi';
  return moist === 'moist' ? 'balghami' : 'saudavi';
}
