// Red flags come before everything else: an alert that names the danger and how urgent it is.
import type { Analysis } from '@unani/contracts';
import { En } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';

export function RedFlags({ flags }: { flags: Analysis['redFlags'] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <div className="alert" role="alert">
      <strong>{flags.length > 1 ? t('redFlags.many') : t('redFlags.one')}</strong>
      <ul>
        {flags.map((f) => (
          <li key={f.code}>
            <strong>{t(`redFlags.urgency.${f.urgency}`)}:</strong> <En>{f.message}</En>
          </li>
        ))}
      </ul>
    </div>
  );
}
