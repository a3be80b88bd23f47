// The visit as the practitioner edits it: complaint, findings, Mizaj and Nabz. Starts from the server's visit, or
// from the edits this device kept when they could not be saved.
import type { EncounterUpdate, EncounterView, Temperament } from '@unani/contracts';
import { useState } from 'react';
import type { DraftFinding } from './findings.ts';
import { type ParsedText, useParsedComplaint } from './useParsedComplaint.ts';
import { findingsOf, serverEdits, toEncounterUpdate, type VisitEdits } from './visitEdits.ts';
import type { VitalsText } from './vitals.ts';

export function useVisitDraft(visit: EncounterView, restored: VisitEdits | undefined) {
  const [edits, setEdits] = useState<VisitEdits>(() => restored ?? serverEdits(visit));
  const [saved] = useState<ParsedText>(() => ({
    text: visit.complaint,
    findings: visit.findings.filter((f) => f.origin === 'text'),
  }));
  // Until the complaint differs from the saved one, the saved findings stand for it.
  const typed = edits.complaint !== saved.text;
  const parse = useParsedComplaint(edits.complaint, typed);
  const parsed: ParsedText = !typed
    ? saved
    : edits.complaint.trim() === ''
      ? { text: '', findings: [] }
      : (parse.data ?? saved);

  const change = (next: Partial<VisitEdits>) => setEdits((current) => ({ ...current, ...next }));

  /** Adds (or replaces) a picked or answered finding; returns the edits with it, to save them at once. */
  const add = (finding: DraftFinding): VisitEdits => {
    const next = { ...edits, manual: [...edits.manual.filter((m) => m.symptom !== finding.symptom), finding] };
    setEdits(next);
    return next;
  };
  const remove = (finding: DraftFinding) => {
    if (finding.origin === 'text')
      change({ dismissed: [...edits.dismissed.filter((s) => s !== finding.symptom), finding.symptom] });
    else change({ manual: edits.manual.filter((m) => m.symptom !== finding.symptom) });
  };

  /** The API's request for these edits, parsing their complaint first when the last parse is behind it. */
  const toUpdate = async (next: VisitEdits): Promise<EncounterUpdate> => {
    if (next.complaint === saved.text) return toEncounterUpdate(next, saved.findings);
    if (next.complaint.trim() === '') return toEncounterUpdate(next, []);
    return toEncounterUpdate(next, (await parse.parseNow(next.complaint)).findings);
  };

  return {
    edits,
    complaint: edits.complaint,
    setComplaint: (complaint: string) => change({ complaint }),
    parsed,
    parseError: parse.error,
    parsing: parse.isFetching,
    findings: findingsOf(edits, parsed.findings),
    add,
    remove,
    temperament: edits.temperament,
    setTemperament: (temperament: Temperament | '') => change({ temperament }),
    nabzNotes: edits.nabzNotes,
    setNabzNotes: (nabzNotes: string) => change({ nabzNotes }),
    vitals: edits.vitals,
    setVitals: (vitals: VitalsText) => change({ vitals }),
    toUpdate,
  };
}

export type VisitDraft = ReturnType<typeof useVisitDraft>;
