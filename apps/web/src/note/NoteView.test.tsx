// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import type { SharedNote } from '@unani/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { NoteView } from './NoteView.tsx';

afterEach(cleanup);

const note: SharedNote = {
  language: 'en',
  diagnosis: { name: 'Migraine', unaniName: 'Shaqeeqa', description: 'One-sided throbbing headache.' },
  medicines: [],
  dietTake: [],
  dietAvoid: [],
  regimen: [],
  advice: [],
  followUp: null,
  practitionerName: 'Hakim Nafees',
  issuedAt: '2026-12-02T08:00:00.000Z',
  expiresAt: '2026-12-30T08:00:00.000Z',
  disclaimer: 'This note is advisory.',
  seekCare: null,
};

describe('the patient’s note', () => {
  it('opens with a "seek care now" alert when the visit was triaged emergency, in English and in Urdu', () => {
    const message = 'Go to a hospital emergency department now.';
    render(<NoteView note={{ ...note, seekCare: { level: 'emergency', message } }} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Seek emergency care now');
    expect(alert.textContent).toContain(message);
    cleanup();
    render(
      <NoteView
        note={{ ...note, language: 'ur', seekCare: { level: 'urgent', message: 'آج ہی ڈاکٹر کو دکھائیں۔' } }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('آج ہی ڈاکٹر کو دکھائیں');
  });

  it('has no alert when the visit was not triaged emergency or urgent', () => {
    render(<NoteView note={note} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
