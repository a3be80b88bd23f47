// A freshly shared note: the link to copy, its QR code and a WhatsApp message (how most patients receive it).
import type { NoteLanguage } from '@unani/contracts';
import { useRef, useState } from 'react';
import { SLOT, WithEnglish } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { noteStrings } from '../i18n/noteStrings.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { QrCode } from './QrCode.tsx';
import { isLoopbackLink } from './unreachableLink.ts';

interface Props {
  url: string;
  language: NoteLanguage;
  expiresAt: string;
  revoked: boolean;
}

export function SharedLink({ url, language, expiresAt, revoked }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
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
      {revoked && <p className="warning">{t('share.revoked')}</p>}
      {isLoopbackLink(url) && (
        <p className="warning" role="alert">
          <WithEnglish
            text={t('share.loopback', { host: SLOT, setting: SLOT, example: SLOT })}
            english={[new URL(url).host, 'PUBLIC_URL', 'https://clinic.example.org']}
          />
        </p>
      )}
      <div className="row">
        <label className="grow">
          {t('share.link')}
          <input ref={input} readOnly value={url} onFocus={(e) => e.target.select()} />
        </label>
        <button type="button" className="align-end" onClick={() => void copy()}>
          {t('share.copy')}
        </button>
      </div>
      <p className="muted small" aria-live="polite">
        {copied === 'yes'
          ? t('share.copied')
          : copied === 'no'
            ? t('share.copyBlocked')
            : t('share.validUntil', { date: format.date(expiresAt) })}
      </p>
      <div className="row">
        <QrCode url={url} />
        <a
          className="button"
          href={`https://wa.me/?text=${encodeURIComponent(message)}`}
          target="_blank"
          rel="noreferrer"
        >
          {t('share.whatsApp')}
        </a>
      </div>
    </div>
  );
}
