import { describe, expect, it } from 'vitest';
import { readPatientContext } from './patientContext.ts';

const context = (text: string) => readPatientContext(text).context;

describe('patient context read from a note', () => {
  it.each([
    ['2 saal ka bacha, tez bukhar', 2],
    ['62 yr old man with chest pain', 62],
    ['28F, headache x2d', 28],
    ['child of 6, runny nose', 6],
    ['2 month old baby with fever', 2 / 12],
    ['7 din ki bachi, peeli', 7 / 365],
    ['45 years male, cough', 45],
    ['age: 70, breathless', 70],
    ['umar 35 saal, sar dard', 35],
    ['3 سال کا بچہ، تیز بخار', 3],
  ])('reads the age in "%s"', (text, years) => {
    expect(context(text).ageYears).toBeCloseTo(years, 2);
  });

  it('reads "9 month baby" and the oblique "3 saal ke bache"', () => {
    expect(context('9 month baby crying in bouts').ageYears).toBeCloseTo(0.75, 2);
    expect(context('ubalta pani gir gaya 3 saal ke bache pe').ageYears).toBe(3);
    expect(context('cough for 3 weeks, child is fine').ageYears).toBeUndefined();
  });

  it('reads a thermometer reading, a counted breathing rate and ages in Urdu number words', () => {
    expect(context('کل شام سے بدن تپ رہا ہے، تھرمامیٹر پر 38.5').vitals?.temperatureC).toBe(38.5);
    expect(context('RR counted 53, no chest indrawing').vitals?.respiratoryRate).toBe(53);
    expect(context('انہتر سالہ مرد، کنپٹی میں درد').ageYears).toBe(69);
  });

  it('reads a pulse written after its rhythm in Urdu', () => {
    expect(context('دل کی دھڑکن بے ترتیب، 130').vitals?.pulse).toBe(130);
    expect(context('nabz be tarteeb 118').vitals?.pulse).toBe(118);
  });

  it('reads the day of life of a newborn, and not a day of an illness', () => {
    expect(context('newborn jaundice on day 1').ageYears).toBeLessThan(1 / 365);
    expect(context('jaundice noticed on day 3 of life').ageYears).toBeCloseTo(2.5 / 365, 4);
    expect(context('dengue day 5, bleeding gums').ageYears).toBeUndefined();
  });

  it('reads "man, 60 yrs" but not the temperature in "2 month baby, 38.5"', () => {
    expect(context('man, 60 yrs, chest pain').ageYears).toBe(60);
    expect(context('fever in 2 month baby, 38.5').ageYears).toBeCloseTo(2 / 12, 2);
  });

  it('reads "78 saal ki diabetic amma" (one word before the person), but not "3 din ki bimar bachi"', () => {
    expect(context('78 saal ki diabetic amma, paseena').ageYears).toBe(78);
    expect(context('60 saal ke bimar abba').ageYears).toBe(60);
    expect(context('3 din ki bimar bachi, bukhar').ageYears).toBeUndefined();
  });

  it('reads "beta 3 saal ka" and "kal paida hui", but not "bhai 2 saal se"', () => {
    expect(context('Mera beta 3 saal ka, kal se dast').ageYears).toBe(3);
    expect(context('Kal paida hui bachi, jism peela').ageYears).toBeLessThan(2 / 365);
    expect(context('bhai 2 saal se khansi').ageYears).toBeUndefined();
  });

  it('reads "newborn" as a baby in the first weeks of life', () => {
    expect(context('newborn, yellow skin since birth').ageYears).toBeLessThan(28 / 365);
  });

  it('does not take a duration for an age', () => {
    expect(context('bukhar 3 din se, sar dard 2 saal se').ageYears).toBeUndefined();
    expect(context('cough for 2 years').ageYears).toBeUndefined();
    expect(context('cough for 2 weeks, male').ageYears).toBeUndefined();
  });

  it('reads sex from words and from "28F" / "M/62"', () => {
    expect(context('28F').sex).toBe('female');
    expect(context('M/62, chest pain').sex).toBe('male');
    expect(context('a woman with headache').sex).toBe('female');
    expect(context('larka, pet dard').sex).toBe('male');
    expect(context('headache').sex).toBeUndefined();
  });

  it('reads weeks of pregnancy, from weeks or months, and marks the patient pregnant and female', () => {
    expect(context('32 weeks pregnant, severe headache')).toMatchObject({ pregnancyWeeks: 32, pregnant: true });
    expect(context('7 mahine ki hamla, sar dard').pregnancyWeeks).toBe(30);
    expect(context('POG 36 wks, swelling').pregnancyWeeks).toBe(36);
    expect(context('pregnant woman').sex).toBe('female');
    // "7 mahine ki hamla" is a pregnancy, not the age of a 7-month-old
    expect(context('7 mahine ki hamla').ageYears).toBeUndefined();
  });

  it('reads temperature in °F and °C, and a bare "104 F" as a fever, not an age', () => {
    expect(context('temp 104 F').vitals?.temperatureC).toBe(40);
    expect(context('fever 39.5 C').vitals?.temperatureC).toBe(39.5);
    expect(context('T: 38.2°C').vitals?.temperatureC).toBe(38.2);
    expect(context('bukhar 102').vitals?.temperatureC).toBeCloseTo(38.9, 1);
    const hot = context('104 F, shivering');
    expect(hot.vitals?.temperatureC).toBe(40);
    expect(hot.ageYears).toBeUndefined();
    expect(context('tez bukhar').vitals).toBeUndefined();
  });

  it('reads blood pressure, pulse, breathing rate, SpO₂ and blood sugar with their units', () => {
    expect(context('BP 190/120, headache').vitals).toMatchObject({ systolic: 190, diastolic: 120 });
    expect(context('pulse 130/min').vitals?.pulse).toBe(130);
    expect(context('RR 40, chest indrawing').vitals?.respiratoryRate).toBe(40);
    expect(context('SpO2 88% on air').vitals?.spo2).toBe(88);
    expect(context('sugar 45 mg/dl, sweating').vitals?.bloodSugarMgDl).toBe(45);
    expect(context('RBS 25 mmol/L').vitals?.bloodSugarMgDl).toBe(450);
    expect(context('glucose 3.1').vitals?.bloodSugarMgDl).toBe(56);
  });

  it('returns the spans of what it read, so the symptom parser does not take them as durations', () => {
    const { mentions } = readPatientContext('2 saal ka bacha, BP 100/60');
    expect(mentions.map((m) => m.fact)).toEqual(['age', 'systolic']);
    expect(mentions[0]?.span).toEqual([0, 15]);
  });

  it('reads obstetric notation: G3P2 is pregnant now, with the weeks that follow', () => {
    expect(context('G2P1 at 34 wks, headache')).toMatchObject({ pregnant: true, pregnancyWeeks: 34, sex: 'female' });
    expect(context('G2 P1 A0, 30 weeks').pregnancyWeeks).toBe(30);
    expect(context('G2P2, cough').pregnant).toBeUndefined();
  });

  it('reads age and sex said of a relative: "67 saal ke abbu", "ammi"', () => {
    expect(context('pakhane mein khoon, 67 saal ke abbu')).toMatchObject({ ageYears: 67 });
    expect(context('ammi ko chakkar')).toMatchObject({ sex: 'female' });
    // A husband or brother who reports does not make the patient male.
    expect(context('husband says she fainted').sex).toBe('female');
    expect(context('bhai keh raha hai behosh ho gayi').sex).toBeUndefined();
  });

  it('reads weeks standing alone at the head of a note as a gestation, but not a duration or an age', () => {
    expect(context('34 weeks, routine visit, BP 148/96')).toMatchObject({ pregnancyWeeks: 34, pregnant: true });
    expect(context('33 hafte, hatheliyon mein kharish').pregnancyWeeks).toBe(33);
    expect(context('12 weeks se khansi').pregnant).toBeUndefined();
    expect(context('16 weeks old baby, fever').pregnant).toBeUndefined();
    expect(context('62M, 20 weeks of back pain').pregnant).toBeUndefined();
  });

  it('reads a blood pressure written in Urdu script', () => {
    expect(context('بی پی 220/130، سر میں شدید درد').vitals).toMatchObject({ systolic: 220, diastolic: 130 });
  });

  it('reads Arabic-Indic digits', () => {
    expect(context('عمر ۶۲ سال').ageYears).toBe(62);
  });
  it.each([
    ['بچہ دو سال کا، گرم چائے اوپر گر گئی', 2],
    ['امی اڑسٹھ سال، پیٹ پھولا رہتا ہے', 68],
    ['پچاس سال مرد، گردن میں گلٹی', 50],
    ['ابا جی پچھتر سال، الٹیاں', 75],
    ['بچی پانچ ماہ کی، الٹی', 5 / 12],
    ['55 saal, pakhane mein khoon', 55],
  ])('reads an Urdu-script or opening age in "%s"', (text, years) => {
    expect(context(text).ageYears).toBeCloseTo(years, 2);
  });

  it('keeps "… دو سال سے" and "khansi, 2 saal se" as durations, not ages', () => {
    expect(context('بچہ دو سال سے بیمار').ageYears).toBeUndefined();
    expect(context('khansi, 2 saal se').ageYears).toBeUndefined();
  });

  it('reads weeks of pregnancy written right after "28F"', () => {
    expect(context('28F 34 wks, severe headache')).toMatchObject({ ageYears: 28, pregnancyWeeks: 34, pregnant: true });
  });
  it('reads the obstetric shorthand "26/40" and "G1 16 wks", but not Snellen\'s "vision 20/40"', () => {
    expect(context('24F 26/40, burning urine')).toMatchObject({ pregnancyWeeks: 26, pregnant: true });
    expect(context('G1 16 wks, vomitting everything')).toMatchObject({ pregnancyWeeks: 16, pregnant: true });
    expect(context('vision 20/40 right eye').pregnancyWeeks).toBeUndefined();
  });

  it('reads a blood pressure a word or two after "BP"', () => {
    expect(context('BP check karaya 144/94').vitals).toEqual({ systolic: 144, diastolic: 94 });
    expect(context('BP 120/80, 3/4 din se').vitals).toEqual({ systolic: 120, diastolic: 80 });
  });

  it('reads the register\'s bare pulse "P 128" and an Urdu-script pulse, but not "P2" or a ratio', () => {
    expect(context('T 38.3 P 128 RR 40').vitals).toMatchObject({ temperatureC: 38.3, pulse: 128, respiratoryRate: 40 });
    expect(context('BP 150/90, P 96.').vitals).toMatchObject({ systolic: 150, diastolic: 90, pulse: 96 });
    expect(context('P: 110/min, afebrile').vitals?.pulse).toBe(110);
    expect(context('نبض 125، سانس تیز').vitals?.pulse).toBe(125);
    expect(context('G3 P2, 30 weeks').vitals?.pulse).toBeUndefined();
    expect(context('P 12/7').vitals?.pulse).toBeUndefined();
    expect(context('P 98% on air').vitals?.pulse).toBeUndefined();
  });

  it.each([
    ['73 saal khatoon, sar dard', 73],
    ['دو سالہ بچی، بخار', 2],
    ['اسی سالہ خاتون گر گئیں', 80],
    ['5 saala bacha, khansi', 5],
  ])('reads an age written straight before the person or as "… سالہ" in "%s"', (text, years) => {
    expect(context(text).ageYears).toBe(years);
  });

  it('keeps "3 din bacha ro raha" a duration, not an age', () => {
    expect(context('3 din bacha ro raha').ageYears).toBeUndefined();
  });

  it("reads a newborn's age in hours or days since birth, but not a mother's time since delivery", () => {
    expect(context('پیدائش کو 18 گھنٹے ہوئے، چہرہ پیلا').ageYears).toBeCloseTo(18 / 24 / 365, 4);
    expect(context('baby 18 hours old, yellow').ageYears).toBeCloseTo(18 / 24 / 365, 4);
    expect(context('born 10 hrs ago at home').ageYears).toBeCloseTo(10 / 24 / 365, 4);
    expect(context('paidaish ko 3 din, peela').ageYears).toBeCloseTo(3 / 365, 4);
    expect(context('delivered 18 hrs ago, bleeding').ageYears).toBeUndefined();
  });

  it('reads a pregnancy test: negative or "not pregnant" lets the pregnancy rules rest, positive is a pregnancy', () => {
    expect(context('Pregnancy test negative, lower abdominal pain').pregnant).toBe(false);
    expect(context('UPT -ve, fever').pregnant).toBe(false);
    expect(context('not pregnant, burning urine').pregnant).toBe(false);
    expect(context('UPT +ve, spotting')).toMatchObject({ pregnant: true, sex: 'female' });
    // A stated pregnancy is not undone by a test of something else.
    expect(context('32 weeks pregnant, malaria test negative').pregnant).toBe(true);
  });

  it('reads one and a half and two and a half as ages ("dedh saal ka beta", "ڈھائی سال کی بچی")', () => {
    expect(context('dedh saal ka beta, qai 3 baar').ageYears).toBe(1.5);
    expect(context('ڈھائی سال کی بچی، بخار').ageYears).toBe(2.5);
  });

  it('reads a pulse written with its rhythm and a blood pressure three words after "BP"', () => {
    expect(context('P irregularly irregular 112, SpO2 97%').vitals?.pulse).toBe(112);
    expect(context('pulse irregular 88').vitals?.pulse).toBe(88);
    expect(context('BP check at pharmacy 196/124').vitals).toEqual({ systolic: 196, diastolic: 124 });
  });
});
