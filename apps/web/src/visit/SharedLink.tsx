// A freshly shared note: the link to copy, its QR code and a WhatsApp message (how most patients receive it).
import type { NoteLanguage } from '@unani/contracts';
import { useRef, useState } from 'react';
import { noteStrings } from '../i18n/noteStrings.ts';
import { QrCode } from './QrCode.tsx';

interface Props {
  url: string;
  language: NoteLanguage;
  expiresAt: string;
  revoked: boolean;
}

export function SharedLink({ url, language, expiresAt, revoked }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('no');
    }
  };
  const message = `${noteStrings[language].shareMessage} ${url}`;
  return (
    <div className="shared-link">
      {revoked && <p className="warning">This link has been revoked: the patient can no longer open it.</p>}
      <div className="row">
        <label className="grow">
          Patient link
          <input ref={input} readOnly value={url} onFocus={(e) => e.target.select()} />
        </label>
        <button type="button" className="align-end" onClick={() => void copy()}>
          Copy link
        </button>
      </div>
      <p className="muted small" aria-live="polite">
        {copied === 'yes'
          ? 'Copied.'
          : copied === 'no'
            ? 'Copying is not allowed here; the link is selected, copy it with Ctrl+C.'
            : `The link works until ${new Date(expiresAt).toLocaleDateString()}. It is shown only now.`}
      </p>
      <div className="row">
        <QrCode url={url} />
        <a
          className="button"
          href={`https://wa.me/?text=${encodeURIComponent(message)}`}
          target="_blank"
          rel="noreferrer"
        >
          Send on WhatsApp
        </a>
      </div>
    </div>
  );
}
