// The patient's treatment note: diagnosis in plain words, medicines, diet, regimen, advice, follow-up.
import type { SharedNote } from '@unani/contracts';
import { useEffect } from 'react';
import { Typed } from '../components/Lang.tsx';
import { noteDate, noteStrings } from '../i18n/noteStrings.ts';
import { loadUrduFontAfterPaint, urduFontReady } from '../urduFont.ts';
import { NoteList, NoteSection } from './NoteSection.tsx';
import { useDocumentLanguage } from './useDocumentLanguage.ts';

export function NoteView({ note }: { note: SharedNote }) {
  const t = noteStrings[note.language];
  const urdu = note.language === 'ur';
  const dir = urdu ? 'rtl' : 'ltr';
  useDocumentLanguage(note.language, dir);
  // The note paints first in the fallback face; Nastaliq follows (urduFont.ts).
  useEffect(loadUrduFontAfterPaint, []);
  return (
    <main className={`page note${urdu ? ' urdu' : ''}`} lang={note.language} dir={dir}>
      <header className="row spread note-header">
        <h1>{t.title}</h1>
        {/* Printed in Nastaliq even when the button is pressed before the font has swapped in. */}
        <button type="button" onClick={() => void urduFontReady().then(() => window.print())}>
          {t.print}
        </button>
      </header>

      {note.seekCare && (
        <div className={`alert seek-care seek-care-${note.seekCare.level}`} role="alert">
          <strong>{t.seekCare[note.seekCare.level]}</strong>
          <p>{note.seekCare.message}</p>
        </div>
      )}

      <NoteSection title={t.diagnosis} show>
        <p className="note-diagnosis">
          <strong>
            <Typed text={note.diagnosis.name} />
          </strong>
        </p>
        <p>
          {t.unaniName}: <Typed text={note.diagnosis.unaniName} />
        </p>
        {note.diagnosis.description && (
          <p>
            <Typed text={note.diagnosis.description} />
          </p>
        )}
      </NoteSection>

      <NoteSection title={t.medicines} show={note.medicines.length > 0}>
        <ul>
          {note.medicines.map((m, i) => (
            <li key={`${i}-${m.name}`}>
              <strong>
                <Typed text={m.name} />
              </strong>
              {m.detail && (
                <>
                  {' — '}
                  <Typed text={m.detail} />
                </>
              )}
            </li>
          ))}
        </ul>
      </NoteSection>
      <NoteSection title={t.dietTake} show={note.dietTake.length > 0}>
        <NoteList items={note.dietTake} />
      </NoteSection>
      <NoteSection title={t.dietAvoid} show={note.dietAvoid.length > 0}>
        <NoteList items={note.dietAvoid} />
      </NoteSection>
      <NoteSection title={t.regimen} show={note.regimen.length > 0}>
        <NoteList items={note.regimen} />
      </NoteSection>
      <NoteSection title={t.advice} show={note.advice.length > 0}>
        <NoteList items={note.advice} />
      </NoteSection>
      <NoteSection title={t.followUp} show={Boolean(note.followUp)}>
        <p>
          <Typed text={note.followUp ?? ''} />
        </p>
      </NoteSection>

      <dl className="note-meta">
        <dt>{t.practitioner}</dt>
        <dd>
          <Typed text={note.practitionerName} />
        </dd>
        <dt>{t.issued}</dt>
        <dd>{noteDate(note.issuedAt, t)}</dd>
        <dt>{t.validUntil}</dt>
        <dd>{noteDate(note.expiresAt, t)}</dd>
      </dl>
      <p className="disclaimer">{note.disclaimer}</p>
    </main>
  );
}
