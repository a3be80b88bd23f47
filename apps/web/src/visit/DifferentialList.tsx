// The differential: each disease with its probability, why, and a button to confirm it.
import type { DifferentialEntry } from '@unani/contracts';
import type { ReactNode } from 'react';
import { En, SLOT, WithEnglish } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { barWidth, percent } from './percent.ts';
import { WhyReasons } from './WhyReasons.tsx';

const MAX_SHOWN = 10;

function names(list: { name: string }[], none: string): ReactNode {
  return list.length ? <En>{list.map((s) => s.name).join(', ')}</En> : none;
}

interface Props {
  entries: DifferentialEntry[];
  onConfirm: (code: string) => void;
  confirming: boolean;
  confirmedCode: string | undefined;
  /** Disease code → Urdu name, in the Urdu interface. */
  urduNames?: Record<string, string>;
}

export function DifferentialList({ entries, onConfirm, confirming, confirmedCode, urduNames }: Props) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="muted">{t('differential.none')}</p>;
  return (
    <ol className="differential" aria-label={t('differential.list')}>
      {entries.slice(0, MAX_SHOWN).map((e) => {
        const label = `${e.disease.name} (${e.disease.englishName})`;
        return (
          <li key={e.disease.code} className="card">
            <div className="row spread">
              <span>
                <strong>
                  <En>{e.disease.name}</En>
                </strong>{' '}
                {urduNames?.[e.disease.code] && <span lang="ur">{urduNames[e.disease.code]} </span>}
                <span className="muted">
                  <En>{e.disease.englishName}</En>
                </span>
              </span>
              <span className="row">
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${barWidth(e.probability)}%` }} />
                </span>
                <span className="percent">{percent(e.probability)}</span>
                {confirmedCode === e.disease.code ? (
                  <span className="confirmed">{t('differential.confirmed')}</span>
                ) : (
                  <button
                    type="button"
                    className="small"
                    aria-label={t('differential.confirmLabel', { label })}
                    disabled={confirming}
                    onClick={() => onConfirm(e.disease.code)}
                  >
                    {t('differential.confirm')}
                  </button>
                )}
              </span>
            </div>
            <details>
              <summary>
                <WithEnglish text={t('differential.why', { name: SLOT })} english={e.disease.name} />
              </summary>
              {e.why && <WhyReasons why={e.why} />}
              <dl className="evidence">
                <dt>{t('differential.supporting')}</dt>
                <dd>{names(e.supporting, t('common.none'))}</dd>
                <dt>{t('differential.missing')}</dt>
                <dd>{names(e.missing, t('common.none'))}</dd>
                <dt>{t('differential.against')}</dt>
                <dd>{names(e.against, t('common.none'))}</dd>
              </dl>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
