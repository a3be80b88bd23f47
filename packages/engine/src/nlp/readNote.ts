// A note read whole: the findings it mentions and what it says of the patient (age, sex, pregnancy, vital signs).
import type { Finding, PatientContext } from '../types.ts';
import { readLabValues } from './labValues.ts';
import type { Lexicon } from './lexicon.ts';
import { parse } from './parse.ts';
import { readPatientContext } from './patientContext.ts';

export interface ReadNote {
  findings: Finding[];
  context: PatientContext;
}

/**
 * Findings and context of a free-text note. Numbers read as an age, a vital sign or a laboratory value ("Hb 7.1") are
 * not taken as durations; a laboratory value past its threshold adds its finding.
 */
export function readNote(text: string, lexicon: Lexicon): ReadNote {
  const { context, mentions } = readPatientContext(text);
  const labs = readLabValues(text, lexicon);
  const findings = parse(text, lexicon, [...mentions.map((m) => m.span), ...labs.spans]);
  for (const finding of labs.findings) if (!findings.some((f) => f.symptom === finding.symptom)) findings.push(finding);
  return { findings, context };
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
