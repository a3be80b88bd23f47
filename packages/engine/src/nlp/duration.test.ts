import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH, DAYS_PER_WEEK, DAYS_PER_YEAR, FEW_COUNT, findDurations } from './duration.ts';
import { parse } from './parse.ts';
import { symptomLexicon } from './testing/symptomKnowledge.ts';
import { tokenize } from './text.ts';

function durationsIn(text: string): number[] {
  const tokens = tokenize(text);
  return findDurations(tokens, () => true).map((d) => d.value);
}

/** symptom code → duration in days, for each mention of `text`. */
function durations(text: string): Record<string, number | undefined> {
  return Object.fromEntries(parse(text, symptomLexicon()).map((f) => [f.symptom, f.durationDays]));
}

describe('durations', () => {
  it.each([
    ['for 3 days', 3],
    ['since 2 weeks', 2 * DAYS_PER_WEEK],
    ['x3d', 3],
    ['x 3 days', 3],
    ['x3 days', 3],
    ['3d', 3],
    ['2wks', 2 * DAYS_PER_WEEK],
    ['x2m', 2 * DAYS_PER_MONTH],
    ['3mo', 3 * DAYS_PER_MONTH],
    ['3/7', 3],
    ['2/52', 2 * DAYS_PER_WEEK],
    ['6/12', 6 * DAYS_PER_MONTH],
    ['past few weeks', FEW_COUNT * DAYS_PER_WEEK],
    ['for a few days', FEW_COUNT],
    ['a couple of weeks', 2 * DAYS_PER_WEEK],
    ['2 din se', 2],
    ['teen hafte', 3 * DAYS_PER_WEEK],
    ['do mahine se', 2 * DAYS_PER_MONTH],
    ['ek saal', DAYS_PER_YEAR],
    ['panch roz', 5],
    ['since yesterday', 1],
    ['kal se', 1],
    ['a month', DAYS_PER_MONTH],
    ['for the past week', DAYS_PER_WEEK],
    ['pichle hafte se', DAYS_PER_WEEK],
    ['two weeks', 2 * DAYS_PER_WEEK],
    ['1.5 weeks', 10.5],
    ['2-3 days', 3],
    ['2 to 3 days', 3],
    ['12 hours', 0.5],
    ['۳ دن سے', 3],
  ])('reads "%s" as %d days', (text, days) => {
    expect(durationsIn(text)).toEqual([days]);
  });

  it.each([
    'twice a day',
    '3 times a day',
    'every 2 days',
    '5 years old',
    '5 saal ka bachcha',
    'aged 40 years',
    'x3',
    '45M',
    '30y F',
    'BP 120/80',
  ])('does not read "%s" as a duration', (text) => {
    expect(durationsIn(text)).toEqual([]);
  });
});

describe('the length of one episode', () => {
  it('marks "lasting 2 minutes", "lasted for 5 min" and "2 minute tak" as the length of an episode, not "for 3 days"', () => {
    const marked = (text: string) => findDurations(tokenize(text), () => true).map((d) => d.lengthOfEpisode ?? false);
    expect(marked('fit yesterday lasting 2 minutes')).toEqual([false, true]);
    expect(marked('lasted for 5 min')).toEqual([true]);
    expect(marked('jhatke aaye, 2 minute tak rahe')).toEqual([true]);
    expect(marked('cough for 3 days')).toEqual([false]);
  });
});

describe('which symptoms a duration belongs to', () => {
  it('reads minutes, to four decimals of a day, so a five-minute fit is not rounded away', () => {
    expect(durationsIn('for 10 minutes')).toEqual([0.0069]);
    expect(durationsIn('15 min se')).toEqual([0.0104]);
  });

  it('applies to every symptom of its clause: "suda and humma x3 days"', () => {
    expect(durations('suda and humma x3 days')).toEqual({ headache: 3, fever: 3 });
  });

  it('gives each symptom the nearest duration in its clause', () => {
    expect(durations('headache for 2 days and fever for 1 week')).toEqual({ headache: 2, fever: 7 });
    expect(durations('2 din se bukhar aur 1 hafte se khansi')).toEqual({ fever: 2, cough: 7 });
  });

  it('reads a duration before the symptom in Urdu order', () => {
    expect(durations('teen hafte se khansi')).toEqual({ cough: 21 });
  });

  it('does not cross into another clause that has symptoms of its own', () => {
    expect(durations('fever for 3 days, cough')).toEqual({ fever: 3, cough: undefined });
    expect(durations('fever for 3 days. Cough')).toEqual({ fever: 3, cough: undefined });
  });

  it('qualifies the clause before when it stands alone in its clause', () => {
    expect(durations('fever and cough, for 2 weeks')).toEqual({ fever: 14, cough: 14 });
  });

  it('is not given to a negated symptom', () => {
    expect(durations('no fever for 3 days')).toEqual({ fever: undefined });
  });

  it('reads years or months without a number as a long-standing complaint', () => {
    expect(durations('qabz barson se')).toEqual({ constipation: 730 });
    expect(durations('constipation for years')).toEqual({ constipation: 730 });
    expect(durations('cough for months')).toEqual({ cough: 60 });
    expect(durations('کھانسی مہینوں سے')).toEqual({ cough: 60 });
  });

  it('gives no duration for a numeral it cannot count, rather than a broken one', () => {
    expect(durations('𐦼3/7 headache')).toEqual({ headache: undefined });
  });
});
