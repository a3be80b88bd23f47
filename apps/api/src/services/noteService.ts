// The patient's treatment note: a snapshot of diagnosis and plan behind an expiring, revocable link.
// The link's token is returned once; only its hash is stored.
import {
  ADVISORY_NOTICE,
  doseText,
  durationText,
  type NoteLanguage,
  type PlanItemView,
  type PlanView,
  readPrescription,
  SharedNote,
  savedInParts,
  type Triage,
} from '@unani/contracts';
import { TRIAGE_ADVICE } from '@unani/engine';
import type { DbTx } from '../db/prisma.ts';
import { conflict, notFound } from './domainErrors.ts';
import { ownedEncounter } from './encounterService.ts';
import { formularyEntries } from './formularyEntries.ts';
import { toPlanView } from './planService.ts';
import { randomToken, sha256Hex } from './tokens.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The disclaimer in the patient's language; the English one is the product's advisory notice. */
const disclaimers: Record<NoteLanguage, string> = {
  en: `${ADVISORY_NOTICE} Contact your practitioner if you feel worse, and seek urgent care in an emergency.`,
  ur: 'یہ ہدایات آپ کے معالج کی تجویز ہیں۔ طبیعت بگڑنے پر فوراً اپنے معالج سے رابطہ کریں، اور ہنگامی حالت میں فوری طبی امداد حاصل کریں۔',
};

/** The "seek care now" instruction when the visit's latest analysis triaged it emergency or urgent. */
async function seekCareOf(db: DbTx, encounterId: string, language: NoteLanguage): Promise<SharedNote['seekCare']> {
  const latest = await db.suggestion.findFirst({
    where: { encounterId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { triage: true, redFlags: true },
  });
  const triage = latest?.triage as Triage | null | undefined;
  const flags = (latest?.redFlags ?? []) as Array<{ urgency: 'emergency' | 'urgent' }>;
  // Analyses stored before triage keep their red flags' urgency.
  const level =
    triage?.level ??
    (flags.some((f) => f.urgency === 'emergency') ? 'emergency' : flags.length > 0 ? 'urgent' : undefined);
  if (level !== 'emergency' && level !== 'urgent') return null;
  return { level, message: TRIAGE_ADVICE[level][language === 'ur' ? 'ur' : 'en'] };
}

/**
 * The Urdu of the disease's protocol texts, keyed by kind and English text: a plan line taken from the protocol
 * unchanged is written in Urdu; a line the practitioner wrote or edited stays as written.
 */
async function urduProtocolTexts(db: DbTx, diseaseCode: string) {
  const rows = await db.treatmentProtocolItem.findMany({
    where: { protocol: { disease: { code: diseaseCode } }, textUrdu: { not: null } },
    select: { kind: true, text: true, textUrdu: true },
  });
  return new Map(rows.map((r) => [`${r.kind}:${r.text.trim()}`, r.textUrdu as string]));
}

/** The plan's lines in the note's language: names, doses and protocol texts in Urdu where the knowledge base has them. */
async function noteLines(db: DbTx, plan: PlanView, diseaseCode: string, language: NoteLanguage) {
  const urdu = language === 'ur';
  const entryOf = urdu ? await formularyEntries(db, plan.items) : undefined;
  const texts = urdu ? await urduProtocolTexts(db, diseaseCode) : new Map<string, string>();
  const nameOf = (i: PlanItemView) => entryOf?.(i)?.urduName || texts.get(`${i.kind}:${i.name.trim()}`) || i.name;
  const medicineDetail = (i: PlanItemView) => {
    const own = i.text && i.text !== i.name ? i.text : '';
    const inParts = savedInParts(i);
    // A dose saved as words reads as written in English; in Urdu its parts are written in Urdu and the words the
    // parts do not hold ("with milk") follow as they are.
    if (!i.prescription || (!inParts && !urdu)) return [i.dose, own, i.duration].filter(Boolean).join(' · ');
    const leftover = inParts ? '' : readPrescription(i.dose, i.duration).instructions;
    const instructions = [own, leftover].filter(Boolean).join('; ');
    return [doseText(i.prescription, language), instructions, durationText(i.prescription, language)]
      .filter(Boolean)
      .join(' · ');
  };
  const of = (kind: PlanItemView['kind'], avoid = false) =>
    plan.items.filter((i) => i.kind === kind && (kind !== 'ghiza' || i.avoid === avoid));
  return {
    medicines: of('dawa').map((i) => ({ name: nameOf(i), detail: medicineDetail(i) })),
    dietTake: of('ghiza').map(nameOf),
    dietAvoid: of('ghiza', true).map(nameOf),
    regimen: of('tadbeer').map(nameOf),
    advice: of('advice').map(nameOf),
  };
}

export async function createNote(
  db: DbTx,
  practitionerId: string,
  encounterId: string,
  language: NoteLanguage,
  days: number,
) {
  const encounter = await ownedEncounter(db, practitionerId, encounterId);
  if (!encounter.diagnosis) throw conflict('Confirm a diagnosis and save a plan before sharing a note.');
  const planRow = await db.treatmentPlan.findUnique({
    where: { encounterId },
    select: { advice: true, followUp: true, updatedAt: true, items: { orderBy: { position: 'asc' } } },
  });
  if (!planRow) throw conflict('Save a treatment plan before sharing a note.');
  const plan = await toPlanView(db, planRow);
  const diseaseCode = encounter.diagnosis.disease.code;
  const disease = await db.disease.findUniqueOrThrow({
    where: { code: diseaseCode },
    select: { name: true, englishName: true, urduName: true, description: true, descriptionUrdu: true },
  });
  const practitioner = await db.user.findUniqueOrThrow({ where: { id: practitionerId }, select: { name: true } });
  const seekCare = await seekCareOf(db, encounterId, language);
  const lines = await noteLines(db, plan, diseaseCode, language);
  const issuedAt = new Date();
  const expiresAt = new Date(issuedAt.getTime() + days * DAY_MS);
  const urdu = language === 'ur';
  const content: SharedNote = {
    language,
    diagnosis: {
      name: urdu && disease.urduName ? disease.urduName : disease.englishName,
      unaniName: disease.name,
      description: urdu && disease.descriptionUrdu ? disease.descriptionUrdu : disease.description,
    },
    ...lines,
    advice: [...lines.advice, ...(plan.advice ? [plan.advice] : [])],
    followUp: plan.followUp,
    practitionerName: practitioner.name,
    issuedAt: issuedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    disclaimer: disclaimers[language],
    seekCare,
  };
  const token = randomToken();
  const note = await db.patientNote.create({
    data: { encounterId, language, tokenHash: sha256Hex(token), content, expiresAt },
    select: { id: true },
  });
  return { id: note.id, token, expiresAt: expiresAt.toISOString(), language };
}

export async function listNotes(db: DbTx, practitionerId: string, encounterId: string) {
  await ownedEncounter(db, practitionerId, encounterId);
  const rows = await db.patientNote.findMany({
    where: { encounterId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, language: true, createdAt: true, expiresAt: true, revokedAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    language: r.language,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Revokes one of the practitioner's notes; a deleted patient's notes can still be revoked (they already are). */
export async function revokeNote(db: DbTx, practitionerId: string, noteId: string) {
  const note = await db.patientNote.findFirst({
    where: { id: noteId, encounter: { practitionerId } },
    select: { id: true, revokedAt: true },
  });
  if (!note) throw notFound('The note');
  const revokedAt = note.revokedAt ?? new Date();
  if (!note.revokedAt) await db.patientNote.update({ where: { id: noteId }, data: { revokedAt } });
  return { id: noteId, revokedAt: revokedAt.toISOString() };
}

export type SharedNoteResult =
  | { status: 'ok'; note: SharedNote; noteId: string }
  | { status: 'gone'; reason: 'expired' | 'revoked' }
  | { status: 'unknown' };

/**
 * What a share link shows; tokens that do not look like ours are unknown without a database query. A link dies
 * with its patient (deleted) and its practitioner (disabled), whatever its expiry.
 */
export async function readSharedNote(db: DbTx, token: string): Promise<SharedNoteResult> {
  if (!/^[\w-]{43}$/.test(token)) return { status: 'unknown' };
  const note = await db.patientNote.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: {
      id: true,
      content: true,
      expiresAt: true,
      revokedAt: true,
      encounter: { select: { patient: { select: { deletedAt: true } }, practitioner: { select: { disabled: true } } } },
    },
  });
  if (!note) return { status: 'unknown' };
  if (note.revokedAt || note.encounter.patient.deletedAt || note.encounter.practitioner.disabled)
    return { status: 'gone', reason: 'revoked' };
  if (note.expiresAt.getTime() <= Date.now()) return { status: 'gone', reason: 'expired' };
  return { status: 'ok', note: SharedNote.parse(note.content), noteId: note.id };
}
