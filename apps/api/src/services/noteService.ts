// The patient's treatment note: a snapshot of diagnosis and plan behind an expiring, revocable link.
// The link's token is returned once; only its hash is stored.
import { ADVISORY_NOTICE, type NoteLanguage, SharedNote, type Triage } from '@unani/contracts';
import { TRIAGE_ADVICE } from '@unani/engine';
import type { DbTx } from '../db/prisma.ts';
import { conflict, notFound } from './domainErrors.ts';
import { ownedEncounter } from './encounterService.ts';
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
  const disease = await db.disease.findUniqueOrThrow({
    where: { code: encounter.diagnosis.disease.code },
    select: { name: true, englishName: true, urduName: true, description: true },
  });
  const practitioner = await db.user.findUniqueOrThrow({ where: { id: practitionerId }, select: { name: true } });
  const seekCare = await seekCareOf(db, encounterId, language);
  const issuedAt = new Date();
  const expiresAt = new Date(issuedAt.getTime() + days * DAY_MS);
  const line = (i: (typeof plan.items)[number]) =>
    [i.text && i.text !== i.name ? i.text : '', i.dose, i.duration].filter(Boolean).join(' · ');
  const content: SharedNote = {
    language,
    diagnosis: {
      name: language === 'ur' && disease.urduName ? disease.urduName : disease.englishName,
      unaniName: disease.name,
      description: disease.description,
    },
    medicines: plan.items.filter((i) => i.kind === 'dawa').map((i) => ({ name: i.name, detail: line(i) })),
    dietTake: plan.items
      .filter((i) => i.kind === 'ghiza' && !i.avoid)
      .map((i) => [i.name, line(i)].filter(Boolean).join(' — ')),
    dietAvoid: plan.items.filter((i) => i.kind === 'ghiza' && i.avoid).map((i) => i.name),
    regimen: plan.items.filter((i) => i.kind === 'tadbeer').map((i) => [i.name, line(i)].filter(Boolean).join(' — ')),
    advice: [
      ...plan.items.filter((i) => i.kind === 'advice').map((i) => i.name),
      ...(plan.advice ? [plan.advice] : []),
    ],
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
