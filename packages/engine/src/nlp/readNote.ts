// A note read whole: the findings it mentions and what it says of the patient (age, sex, pregnancy, vital signs).
import type { Finding, PatientContext } from '../types.ts';
import type { Lexicon } from './lexicon.ts';
import { parse } from './parse.ts';
import { readPatientContext } from './patientContext.ts';

export interface ReadNote {
  findings: Finding[];
  context: PatientContext;
}

/** Findings and context of a free-text note. Numbers read as an age or a vital sign are not taken as durations. */
export function readNote(text: string, lexicon: Lexicon): ReadNote {
  const { context, mentions } = readPatientContext(text);
  return {
    findings: parse(
      text,
      lexicon,
      mentions.map((m) => m.span),
    ),
    context,
  };
}

/**
 * The context for an analysis: what the record (or the caller) states wins, and the note fills the gaps, vital sign
 * by vital sign. The record is kept first because a note may speak of someone else ("mother had fever").
 */
export function mergeContext(recorded: PatientContext, fromText: PatientContext): PatientContext {
  const merged: PatientContext = { ...fromText, ...recorded };
  const vitals = { ...fromText.vitals, ...recorded.vitals };
  if (Object.keys(vitals).length > 0) merged.vitals = vitals;
  else delete merged.vitals;
  return merged;
}
