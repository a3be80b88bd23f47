// Emergencies and urgent needs in the words a clinic register, a patient or a relative uses: each line is written
// here, not taken from an evaluation set, so the rules and wordings are checked on phrasings they were not fitted
// to. The quiet notes beside them must stay quiet.
import { fileURLToPath } from 'node:url';
import { assessSafety, buildLexicon, readNote } from '@unani/engine';
import { describe, expect, it } from 'vitest';
import { toEngineKnowledge } from '../src/engineInput.ts';
import { loadKnowledgeDir } from '../src/load.ts';

const knowledge = toEngineKnowledge(
  loadKnowledgeDir(fileURLToPath(new URL('../../../data/knowledge', import.meta.url))),
);
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
  ])('"%s" is urgent (%s)', (text, rule) => {
    const { level, fired } = triageOf(text);
    expect(level).toBe('urgent');
    expect(fired).toContain(rule);
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
  ])('"%s" stays %s', (text, level) => {
    expect(triageOf(text).level).toBe(level);
  });
});
