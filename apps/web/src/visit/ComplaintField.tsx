// The complaint in the patient's words, with the recognised phrases marked beneath it.
import type { Finding } from '@unani/contracts';
import type { ReactNode } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import type { ParsedText } from './useParsedComplaint.ts';

interface Props {
  value: string;
  onChange: (text: string) => void;
  parsed: ParsedText;
  parsing: boolean;
  error: unknown;
}

export function ComplaintField({ value, onChange, parsed, parsing, error }: Props) {
  const { t } = useTranslation();
  return (
    <div>
      <label>
        {t('complaint.label')}
        <textarea
          dir="auto"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={t('complaint.placeholder')}
        />
      </label>
      {parsed.text === value && value.trim() !== '' && <MarkedText text={value} findings={parsed.findings} />}
      <p className="muted small" aria-live="polite">
        {parsing ? t('complaint.reading') : ''}
      </p>
      <ErrorMessage error={error} />
    </div>
  );
}

/** The complaint with each recognised span highlighted (absent findings in grey). */
function MarkedText({ text, findings }: { text: string; findings: Finding[] }) {
  const spans = findings
    .flatMap((f) => (f.span ? [{ start: f.span[0], end: f.span[1], present: f.present }] : []))
    .sort((a, b) => a.start - b.start);
  if (spans.length === 0) return null;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    parts.push(text.slice(at, s.start));
    parts.push(
      <mark key={s.start} className={s.present ? '' : 'absent'}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  parts.push(text.slice(at));
  return (
    <p className="complaint-marks" aria-hidden="true">
      {parts}
    </p>
  );
}
