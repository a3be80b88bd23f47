// The visit as the practitioner edits it: complaint, findings, Mizaj and Nabz, until it is saved.
import type { EncounterUpdate, EncounterView, Temperament } from '@unani/contracts';
import { useState } from 'react';
import { type DraftFinding, mergeFindings, toFindingInput } from './findings.ts';
import { type ParsedText, useParsedComplaint } from './useParsedComplaint.ts';

export function useVisitDraft(visit: EncounterView) {
  const [complaint, setComplaint] = useState(visit.complaint);
  const [typed, setTyped] = useState(false);
  const [manual, setManual] = useState<DraftFinding[]>(() => visit.findings.filter((f) => f.origin !== 'text'));
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const [temperament, setTemperament] = useState<Temperament | ''>(visit.temperament ?? '');
  const [nabzNotes, setNabzNotes] = useState(visit.nabzNotes ?? '');
  const [saved] = useState<ParsedText>(() => ({
    text: visit.complaint,
    findings: visit.findings.filter((f) => f.origin === 'text'),
  }));
  const parse = useParsedComplaint(complaint, typed);

  // Until the practitioner types, the saved findings stand for the saved complaint.
  const parsed: ParsedText = !typed
    ? saved
    : complaint.trim() === ''
      ? { text: '', findings: [] }
      : (parse.data ?? saved);
  const findings = mergeFindings(parsed.findings, manual, dismissed);

  const add = (finding: DraftFinding): DraftFinding[] => {
    const next = [...manual.filter((m) => m.symptom !== finding.symptom), finding];
    setManual(next);
    return mergeFindings(parsed.findings, next, dismissed);
  };
  const remove = (finding: DraftFinding) => {
    if (finding.origin === 'text') setDismissed(new Set([...dismissed, finding.symptom]));
    else setManual(manual.filter((m) => m.symptom !== finding.symptom));
  };

  /** The findings of the complaint as it reads now, parsing it first if the last parse is behind. */
  const currentFindings = async (): Promise<DraftFinding[]> => {
    if (!typed || complaint.trim() === '' || parse.data?.text === complaint) return findings;
    const fresh = await parse.parseNow(complaint);
    return mergeFindings(fresh.findings, manual, dismissed);
  };

  const update = (list: DraftFinding[]): EncounterUpdate => ({
    complaint,
    temperament: temperament || null,
    nabzNotes: nabzNotes.trim() || null,
    findings: list.map(toFindingInput),
  });

  return {
    complaint,
    setComplaint: (text: string) => {
      setTyped(true);
      setComplaint(text);
    },
    parsed,
    parseError: parse.error,
    parsing: parse.isFetching,
    findings,
    add,
    remove,
    temperament,
    setTemperament,
    nabzNotes,
    setNabzNotes,
    currentFindings,
    update,
  };
}

export type VisitDraft = ReturnType<typeof useVisitDraft>;
