// Runs the engine on a visit's accepted findings and keeps the output, with the findings and context it was computed
// from, as a Suggestion for audit.
import {
  ADVISORY_NOTICE,
  Analysis,
  isoDay,
  type PatientContext,
  pregnancyOn,
  type Triage,
  type VisitSafety,
  yearsSince,
} from '@unani/contracts';
import { readPatientContext } from '@unani/engine';
import type { Db, DbTx } from '../db/prisma.ts';
import type { ClinicalEngine } from '../modelRuntime/clinicalEngine.ts';
import { notFound } from './domainErrors.ts';
import {
  advanceStatus,
  changeOpenVisit,
  findingOfRow,
  type OwnedEncounter,
  ownedEncounter,
  storedVitals,
} from './encounterService.ts';
import { modelVersionId } from './modelVersionService.ts';
import { storedHistory } from './patientService.ts';

/**
 * The patient as a visit knows them: the record's age (from the date of birth on the visit's day when there is
 * one), sex, temperament, known conditions, allergies and pregnancy, completed from the complaint (age in months,
 * pregnancy, vital signs). The record wins where both speak, except pregnancy: the complaint is of this visit.
 */
export function visitContext(e: OwnedEncounter): PatientContext {
  const temperament = e.temperament ?? e.patient.temperament;
  // Only the patient context is read here; the visit's findings are the accepted ones, not a new parse.
  const fromText = readPatientContext(e.complaint).context;
  const history = storedHistory(e.patient.history);
  const birthDate = e.patient.birthDate ? isoDay(e.patient.birthDate) : undefined;
  // The record keeps whole years; a note's "4 month old" is the same age, said more precisely.
  const textAge = fromText.ageYears;
  const precise = textAge !== undefined && Math.floor(textAge) === e.patient.age;
  const ageYears = birthDate ? yearsSince(birthDate, e.createdAt) : precise ? textAge : e.patient.age;
  // Vital signs measured at the visit win over those the complaint mentions; weight and height are for the record.
  const { weightKg: _weight, heightCm: _height, ...measured } = storedVitals(e.vitals) ?? {};
  const vitals = { ...fromText.vitals, ...measured };
  const recordedPregnancy = e.patient.sex === 'male' ? {} : pregnancyOn(history.pregnancy, e.createdAt);
  const textSaysPregnant = fromText.pregnant !== undefined;
  return {
    ...(textSaysPregnant ? {} : recordedPregnancy),
    ...fromText,
    ...(Object.keys(vitals).length > 0 ? { vitals } : {}),
    ageYears,
    sex: e.patient.sex,
    ...(temperament ? { temperament } : {}),
    ...(history.conditions.length > 0 ? { knownConditions: history.conditions } : {}),
    ...(history.allergies.length > 0 ? { allergies: history.allergies } : {}),
  };
}

/** The visit's triage and red flags as saved now: read-only, so a closed visit has them too. */
export async function currentSafety(
  db: Db,
  engine: ClinicalEngine,
  practitionerId: string,
  id: string,
): Promise<VisitSafety> {
  const encounter = await ownedEncounter(db, practitionerId, id);
  return engine.safety(encounter.findings.map(findingOfRow), visitContext(encounter));
}

export function analyseEncounter(
  db: Db,
  engine: ClinicalEngine,
  practitionerId: string,
  id: string,
): Promise<Analysis> {
  return changeOpenVisit(db, practitionerId, id, async (tx, encounter) => {
    await advanceStatus(tx, id, encounter.status, 'analysed');
    const analysis = engine.analyseNote({
      findings: encounter.findings.map(findingOfRow),
      // Accepted findings stand as they are; the complaint adds only what it says of the patient, and how much of it
      // could be read.
      context: visitContext(encounter),
      complaint: encounter.complaint,
    });
    // createMany: one INSERT, where create would read the stored row back.
    await tx.suggestion.createMany({
      data: {
        encounterId: id,
        modelVersionId: await modelVersionId(db, tx, analysis.modelVersion),
        modelVersion: analysis.modelVersion,
        differential: analysis.differential,
        redFlags: analysis.redFlags,
        nextQuestions: analysis.nextQuestions,
        flat: analysis.flat,
        incomplete: analysis.incomplete ?? false,
        outsideKnowledge: analysis.outsideKnowledge ?? false,
        explanation: analysis.explanation,
        findings: analysis.findings,
        context: analysis.context ?? {},
        triage: analysis.triage,
        topDiseaseCode: analysis.differential[0]?.disease.code ?? null,
      },
    });
    return analysis;
  });
}

/** Snapshots taken before triage was stored: the level their red flags imply, never lower. */
function legacyTriage(redFlags: Analysis['redFlags']): Triage {
  const level = redFlags.some((f) => f.urgency === 'emergency')
    ? 'emergency'
    : redFlags.length > 0
      ? 'urgent'
      : 'consult';
  return {
    level,
    reasons: redFlags.length
      ? redFlags.map((f) => ({ code: f.code, text: f.message, findings: f.findings }))
      : [
          {
            code: 'recorded-before-triage',
            text: 'This analysis was recorded before triage was computed.',
            findings: [],
          },
        ],
    advice: '',
    adviceUrdu: '',
    ask: [],
  };
}

/**
 * The visit's latest analysis exactly as it was given: its differential, red flags, triage and questions with the
 * findings and context it was computed from (not the visit's current findings); 404 when never analysed.
 */
export async function latestAnalysis(db: DbTx, practitionerId: string, id: string): Promise<Analysis> {
  const encounter = await ownedEncounter(db, practitionerId, id);
  const snapshot = await db.suggestion.findFirst({
    where: { encounterId: id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      differential: true,
      redFlags: true,
      nextQuestions: true,
      flat: true,
      incomplete: true,
      outsideKnowledge: true,
      explanation: true,
      findings: true,
      context: true,
      triage: true,
      modelVersion: true,
    },
  });
  if (!snapshot) throw notFound('An analysis of this visit');
  const redFlags = snapshot.redFlags as Analysis['redFlags'];
  return Analysis.parse({
    // Snapshots from before inputs were stored fall back to the visit's findings.
    findings: snapshot.findings ?? encounter.findings.map(findingOfRow),
    ...(snapshot.context ? { context: snapshot.context } : {}),
    triage: snapshot.triage ?? legacyTriage(redFlags),
    differential: snapshot.differential,
    flat: snapshot.flat,
    ...(snapshot.incomplete ? { incomplete: true as const } : {}),
    ...(snapshot.outsideKnowledge ? { outsideKnowledge: true as const } : {}),
    explanation: snapshot.explanation ?? [],
    redFlags,
    nextQuestions: snapshot.nextQuestions,
    modelVersion: snapshot.modelVersion,
    advisory: ADVISORY_NOTICE,
  });
}
