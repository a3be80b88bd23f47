import { assessSafety, buildLexicon, readNote } from '@unani/engine';
import { describe, expect, it } from 'vitest';
import { projectEngineKnowledge } from './projectKnowledge.ts';

const knowledge = projectEngineKnowledge();
const lexicon = buildLexicon(knowledge);

function triageOf(text: string) {
  const note = readNote(text, lexicon);
  const { triage, redFlags } = assessSafety(note.findings, note.context, knowledge);
  return { level: triage.level, fired: redFlags.fired.map((f) => f.code) };
}

describe('triage of emergencies worded in the register, the patient or the family voice', () => {
  it.each([
    ['baayein aankh mein achanak andhera chha gaya', 'sudden-vision-loss'],
    ['zaban sooj gayi, thook nigla nahi ja raha', 'anaphylaxis'],
    ['o/e guarding + in RIF, T 38.5, vomited twice', 'rigid-abdomen'],
    ['32 weeks, fresh bleeding since morning, no pain', 'pregnancy-with-unstated-bleeding'],
    ['30 hafte, bina dard ke taaza khoon, bahut zyada', 'pregnancy-with-unstated-bleeding'],
    ['3 din pehle delivery hui, ab taaza khoon bahut', 'postpartum-unstated-bleeding'],
    ['left leg suddenly cold and white since 2 hours, known AF', 'acute-limb-ischaemia'],
    ['34 weeks, contractions every 10 minutes since morning', 'preterm-labour'],
    ['lockjaw after a rusty nail injury, neck stiff', 'tetanus-signs'],
    ['55M chest tightness for 30 minutes at rest, sweating, looks pale', 'chest-tightness-with-cardiac-features'],
    ['34 weeks, baby hardly moving since morning', 'reduced-fetal-movements'],
    ['coughing up fresh blood since morning, P 124', 'haemoptysis-with-shock-signs'],
    ['بزرگ خاتون باتھ روم میں پھسل کر گریں، کھڑی نہیں ہو سکتیں', 'suspected-hip-fracture'],
    ['dog bite 2 months ago, not vaccinated, now afraid of water', 'rabies-signs'],
    ['toddler swallowed a button battery from the remote, looks fine', 'swallowed-battery-or-magnet'],
    ['bachay ne fridge ke magnet nigal liye', 'swallowed-battery-or-magnet'],
    ['10 days after delivery, BP 160/105, severe headache', 'postpartum-pre-eclampsia'],
    ['face swollen after eating prawns, voice hoarse', 'facial-swelling-with-airway-signs'],
    ['black stools since yesterday, P 112, dizzy on standing', 'melaena-with-collapse'],
    ['swallowed 20 paracetamol tablets an hour ago after a fight', 'poisoning'],
    ['78F k/c/o AF, palpitations, P 150, BP 84/50', 'shock'],
    ['P 34, fainted twice today, no chest pain', 'slow-pulse-with-adverse-features'],
    ['nakseer 30 minute se, dabane par bhi nahi ruk rahi', 'nosebleed-not-stopping'],
    ['nosebleed since an hour, P 122, looks pale', 'nosebleed-with-blood-loss-signs'],
    ['19 yr girl, pain began at the navel, now right lower abdomen, nausea, off food', 'suspected-appendicitis'],
    ['cellulitis of the thigh, crackling under the skin, pain out of proportion', 'necrotising-soft-tissue-infection'],
    ['پچاس سالہ مرد، کافی جیسی قے صبح سے', 'vomiting-blood'],
    ['dedh saal ki bachi, paakhane mein jelly jaisa khoon, ulti', 'intussusception-infant'],
    ['30 hafte, neeche se pani ka rasao subah se', 'leaking-fluid-in-pregnancy'],
    ['سات ماہ کا حمل، کل سے بچہ ہلتا محسوس نہیں ہوا', 'reduced-fetal-movements'],
    ['k/c/o waja-uz-zahr, ab paakhane ki jagah sunn', 'saddle-numbness'],
    ['amma seerhi se phisal gayin, ab khari nahi ho paa rahin', 'suspected-hip-fracture'],
    ['اس نے نیند کی گولیوں کا پورا پتہ کھا لیا', 'poisoning'],
    ['teen saal ki bachi dadi ki BP ki goliyan bees kha gayi', 'poisoning'],
    ['4 mahine ka bacha, raat bhar cheekh kar rona, doodh kam', 'high-pitched-cry-in-young-child'],
    ['room spinning since an hour, cannot stand without support, vomiting', 'vertigo-unable-to-stand'],
    ['bukhar 2 din se, gardan jhukti nahi', 'fever-with-neck-rigidity'],
    ['has written a suicide note to her sister', 'suicidal-thoughts'],
    ['naaf ke neeche dard, 10 ghante se pishab bilkul band', 'acute-urinary-retention'],
    ['kitchen mein cylinder phata, chehra aur haath jal gaye, voice hoarse', 'burn-with-airway-signs'],
    ['dengue day 5, bleeding gums and abdominal pain, vomiting', 'dengue-with-warning-signs'],
    ['78 saal ki diabetic amma, ghabrahat, paseena, seene mein dard nahi', 'diabetic-sweating-and-distress'],
    ['rash that does not fade on pressing, fever since night', 'fever-with-bleeding-or-petechiae'],
    ['baby 7 months, soft spot on head bulging, fever', 'bulging-fontanelle'],
    ['achanak bolne mein dikkat aur daayan haath nahi uth raha', 'one-sided-weakness'],
    ['8 mahine ka bacha, rukh rukh ke rota hai, paakhane mein khoon aur balgam', 'intussusception-infant'],
    ['dengue, platelets 18000, gums bleeding', 'low-platelets-with-bleeding'],
    ['missed period 7 weeks, sharp pain low tummy and shoulder tip pain', 'abdominal-pain-with-shoulder-tip-pain'],
    ['child swallowed grandmother tablets, drowsy', 'poisoning'],
    ['bachche ko tez bukhar aur daane jo dabane par nahi mit-te', 'fever-with-bleeding-or-petechiae'],
    ['fever in 2 month baby, 38.5', 'fever-in-young-infant'],
    ['newborn jaundice on day 1', 'jaundice-first-day'],
    ['ڈینگی ہے، پیٹ میں درد، مسوڑھوں سے خون', 'dengue-with-warning-signs'],
    ['دورہ پندرہ منٹ سے نہیں رکا', 'seizure-not-stopping'],
    ['کمر درد، دونوں ٹانگیں سن، پیشاب نہیں آ رہا', 'cauda-equina'],
    ['نومولود کا جسم پہلے دن سے پیلا', 'jaundice-from-first-day'],
    ['تین سال کا بچہ، تیز بخار، جو کھاتا ہے قے کر دیتا ہے', 'child-general-danger-signs'],
    ['پیٹ کے دائیں نچلے حصے میں درد، الٹی، بخار', 'suspected-appendicitis'],
    ['بچے کا پیٹ پھولا ہوا، سبز قے', 'bilious-vomiting'],
    ['36 hafte ki hamla, subah se bacha nahi hila', 'reduced-fetal-movements'],
    ['chhe hafte ka bacha, jism tap raha, thermometer pe 38.3', 'fever-in-young-infant'],
    ['4 saal ka beta dadi ki sugar ki goliyan kha gaya', 'poisoning'],
    ["toddler found with his grandmother's blood pressure pills", 'poisoning'],
    ['بیوی کہتی ہے گولیاں جمع کر رکھی ہیں', 'suicidal-thoughts'],
    ['2 yr old throws up everything since morning, fever 39', 'child-general-danger-signs'],
  ])('"%s" is an emergency (%s)', (text, rule) => {
    const { level, fired } = triageOf(text);
    expect(level).toBe('emergency');
    expect(fired).toContain(rule);
  });

  it('keeps term labour out of the preterm rule', () => {
    expect(triageOf('39 weeks, contractions every 10 minutes').fired).not.toContain('preterm-labour');
  });

  it('reads the age of a newborn in hours: jaundice on the first day is an emergency', () => {
    expect(triageOf('baby born 10 hours ago at home, yellow skin').fired).toContain('jaundice-first-day');
  });
});

describe('triage of needs for a doctor today, in the same voices', () => {
  it.each([
    ['72 saal, kanpati mein dard, chabate hue jabron mein dard', 'suspected-giant-cell-arteritis'],
    ['welding shop, hammering metal, now something in right eye, speck on cornea', 'high-velocity-eye-injury'],
    ['maathe par ek taraf chhale aur aankh laal', 'shingles-near-the-eye'],
    ['30M loose motions 8 times since morning, sunken eyes, very thirsty', 'dehydration-with-diarrhoea-or-vomiting'],
    ['18 weeks pregnant, nephew has chickenpox, played with him yesterday', 'chickenpox-contact-in-pregnancy'],
    ['25F lower abdominal pain, fever 38.4, smelly discharge, UPT negative', 'pelvic-inflammatory-disease'],
    ['3 saal ka bacha, bukhar 39, sirf ek geela diaper subah se', 'fever-with-less-urine-in-young-child'],
    ['woke up this morning and cannot hear from the left ear', 'sudden-hearing-loss'],
    ['pus filled boil in the armpit, 4 cm, soft', 'abscess'],
    ['k/c/o CCF, takhne suje hue, chalne se saans phoolta', 'breathlessness-with-ankle-swelling'],
    ['fever 39, sandpaper rash on the chest, sore throat', 'scarlet-fever'],
    ['bukhar har teesre din kapkapi ke saath', 'intermittent-fever-with-chills'],
    ['red hot swollen knee since last night, very painful', 'hot-swollen-joint'],
    ['wrist deformity after a fall on the outstretched hand', 'suspected-fracture'],
    ['62 yrs, band of blisters on the right side of the back', 'shingles-over-50'],
    ['F/30 heavy periods with clots for 8 days, P 112', 'heavy-periods-with-anaemia-signs'],
    ['Hb 6.5, otherwise well, 40 yr man', 'very-low-haemoglobin'],
    ['28 weeks pregnant, Hb 7.8', 'severe-anaemia-in-pregnancy'],
    ['on warfarin, nosebleed since morning, comes and goes', 'nosebleed-on-anticoagulant'],
    ['BP checked at home 186/112, feels fine', 'very-high-blood-pressure'],
    ['pulse irregularly irregular 126, palpitations since morning', 'irregular-fast-pulse'],
    ['nifas ka doosra hafta, bukhar 38.6', 'postpartum-fever'],
    ['daant mein dard, gaal suji hui', 'dental-abscess-with-swelling'],
    ['achanak baat karne mein mushkil hui, 10 minute mein theek', 'transient-stroke-signs'],
    ['صبح اٹھی تو دائیں کان سے سنائی نہیں دے رہا', 'sudden-hearing-loss'],
    ['laqwa since this morning, eye does not close, no weakness', 'new-facial-droop'],
    ['35 saal ka aadmi, jism par pani wale daane aur bukhar', 'chickenpox-in-adolescent-or-adult'],
    ['20 weeks pregnant, my niece had chickenpox at our house last week', 'chickenpox-contact-in-pregnancy'],
    ['67 saal, Hb 10.2, MCV 74, thakan rehti hai', 'iron-deficiency-anaemia-over-60'],
    ['blood mixed with stool and crampy tummy pain for a month', 'rectal-bleeding-with-bowel-symptoms'],
    ['12 saal ka beta, chehra phoola hua, peshab ka rang cola jaisa', 'blood-in-urine-with-swelling'],
    ['speech came out wrong for five minutes yesterday, normal now', 'transient-stroke-signs'],
    ['known heart failure, more breathless and swollen legs for a week', 'breathlessness-with-ankle-swelling'],
    ['8 weeks pregnant, vomiting 5-6 times a day, keeping some fluids', 'vomiting-in-pregnancy-with-dehydration'],
    ['7 yr boy puffy eyes, cola urine', 'blood-in-urine-with-swelling'],
    ['platelets 65,000, fever day 4, eating well', 'low-platelets'],
    ['دل کی دھڑکن بے ترتیب، 130', 'irregular-fast-pulse'],
    ['61M, khana gale mein atakta hai, wazan 5 kg gira', 'dysphagia'],
    ['zabaan par chhala 4 hafte se bhar nahi raha', 'non-healing-mouth-ulcer'],
    ['بزرگ، پیشاب میں سرخ خون، درد نہیں', 'painless-haematuria'],
    ['12 weeks pregnant, vomiting many times, ketones ++', 'vomiting-in-pregnancy-with-dehydration'],
    ['70F, temples ache for 3 weeks, jaw tires when chewing', 'suspected-giant-cell-arteritis'],
    ['52 saal ki khatoon, mahwari 3 saal se band. Ab thoda khoon aaya', 'bleeding-after-periods-stopped'],
    ['8 month baby, cough, RR counted 56, feeding well', 'child-fast-breathing'],
  ])('"%s" is urgent (%s)', (text, rule) => {
    const { level, fired } = triageOf(text);
    expect(level).toBe('urgent');
    expect(fired).toContain(rule);
  });
});

describe('how long a complaint lasted', () => {
  it('reads a fit "yesterday, lasting 2 minutes" as two minutes long, and a cough with short bouts as three weeks old', () => {
    const daysOf = (text: string, code: string) =>
      readNote(text, lexicon).findings.find((f) => f.symptom === code)?.durationDays;
    expect(daysOf('first fit yesterday lasting 2 minutes, fully recovered', 'seizure')).toBeLessThan(0.002);
    expect(daysOf('cough for 3 weeks, bouts lasting 10 minutes', 'cough')).toBe(21);
    expect(triageOf('first fit yesterday lasting 2 minutes, fully recovered, 25M').level).toBe('urgent');
    expect(triageOf('fit lasting 10 minutes, still drowsy').level).toBe('emergency');
  });
});

describe('words that name nothing by themselves', () => {
  it('reads "urine" as no finding of its own, so cola-coloured urine is blood in the urine', () => {
    const codes = (text: string) => readNote(text, lexicon).findings.map((f) => f.symptom);
    expect(codes('urine test normal')).toEqual([]);
    expect(codes('cola urine since yesterday')).toEqual(['haematuria']);
  });
});

describe('quiet notes near those wordings stay quiet', () => {
  it.each([
    ['munh mein chhale 3 din se', 'selfcare'],
    ['bina bukhar ke khansi 2 din se', 'selfcare'],
    ['blocked nose, woke up sneezing, can hear fine', 'selfcare'],
    ['took 2 panadol for a headache, better now', 'selfcare'],
    ['itchy red scaly patches on knees for a month', 'consult'],
    ['ghutne mein dard aur sujan, garam pani se sekai karti hai, 60 saal', 'consult'],
    ['muscle contractions in the legs at night', 'consult'],
    ['cold hands and feet in winter', 'consult'],
    ['qabz barson se, 40 saal', 'consult'],
    ['32 weeks, piles, fresh blood after passing stool', 'consult'],
    ['nosebleed this morning, stopped by itself in 5 minutes', 'consult'],
    ['P 46, marathon runner, feels well', 'consult'],
    ['Hb 10.5, thoda thakan', 'consult'],
    ['heavy periods for a year, otherwise well, Hb 11', 'consult'],
    ['6 saal ka bacha, chickenpox, pani wale daane, halka bukhar', 'consult'],
    ['pet ke neeche daayen taraf halka dard, dast aur ulti 2 din se', 'consult'],
    ['HbA1c 7.5, sugar control review', 'consult'],
    ['zukam, naak beh rahi, paani khoob pee rahi, 2 din se', 'selfcare'],
    ['heel pain for 2 months, worst with the first steps in the morning', 'consult'],
    ['64 saal, Hb 10.8, MCV 88, ferritin 120, thoda thakan', 'consult'],
    ['shoulder pain for 3 months, cannot lift my arm above my head', 'consult'],
  ])('"%s" stays %s', (text, level) => {
    expect(triageOf(text).level).toBe(level);
  });
});

describe('rules of the diseases added with the wider base', () => {
  it('sends watery diarrhoea in a cholera outbreak for rehydration the same day', () => {
    expect(triageOf('dast lag gaye hain, mohalle mein haiza phaila hua hai')).toMatchObject({
      level: 'urgent',
      fired: ['suspected-cholera'],
    });
  });

  it('asks giant cell arteritis of a headache with jaw pain only from 50: a child with mumps is not referred for it', () => {
    expect(triageOf('70 year old with new headache and jaw pain on chewing').fired).toContain(
      'suspected-giant-cell-arteritis',
    );
    expect(triageOf('8 year old with headache and pain on chewing, swelling in front of the ear').fired).not.toContain(
      'suspected-giant-cell-arteritis',
    );
  });
});
