// A differential entry's reasons in a few short lines: the findings that raised it most, the one against it most, the
// patient's Mizaj when it moved the disease, and how much each model gave it. Symptom names come from the knowledge
// base, in English.
import type { DifferentialWhy, FindingReason } from '@unani/contracts';
import { Fragment } from 'react';
import { SLOT, WithEnglish } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';

/**
 * Likelihood-ratio bands as evidence-based medicine reads them (McGee, "Simplifying likelihood ratios", J Gen
 * Intern Med 2002): above 10 (or below 1/10) changes the probability a lot, 5–10 moderately, 2–5 a little.
 */
const LARGE_RATIO = 10;
const MODERATE_RATIO = 5;
const SMALL_RATIO = 2;

type Band = 'large' | 'moderate' | 'small' | 'slight';

/** The band of a strength (the natural log of a likelihood ratio), either direction. */
export function band(strength: number): Band {
  const ratio = Math.exp(Math.abs(strength));
  if (ratio >= LARGE_RATIO) return 'large';
  if (ratio >= MODERATE_RATIO) return 'moderate';
  if (ratio >= SMALL_RATIO) return 'small';
  return 'slight';
}

function Finding({ reason }: { reason: FindingReason }) {
  const { t } = useTranslation();
  const text = reason.present ? SLOT : t('differential.absentFinding', { name: SLOT });
  return (
    <>
      <WithEnglish text={text} english={reason.name} /> ({t(`differential.strength.${band(reason.strength)}`)})
    </>
  );
}

/** A model's share as a whole percentage: a share of 0 or 1 is exact, not a probability. */
const share = (s: number) => `${Math.round(s * 100)}%`;

export function WhyReasons({ why }: { why: DifferentialWhy }) {
  const { t } = useTranslation();
  return (
    <div className="why">
      {why.raisedBy.length > 0 && (
        <p>
          <strong>{t('differential.raisedBy')}</strong>{' '}
          {why.raisedBy.map((r, i) => (
            <Fragment key={r.symptom}>
              {i > 0 && t('differential.separator')}
              <Finding reason={r} />
            </Fragment>
          ))}
        </p>
      )}
      {why.against && (
        <p>
          <strong>{t('differential.arguesAgainst')}</strong> <Finding reason={why.against} />
        </p>
      )}
      {why.mizaj && (
        <p>
          {t(why.mizaj.strength > 0 ? 'differential.mizajSupports' : 'differential.mizajAgainst', {
            mizaj: t(`vocabulary.temperamentName.${why.mizaj.temperament}`),
          })}{' '}
          ({t(`differential.strength.${band(why.mizaj.strength)}`)})
        </p>
      )}
      <p className="muted small">
        {t('differential.shares', {
          knowledge: share(why.shares.knowledge),
          tree: share(why.shares.tree),
          network: share(why.shares.network),
        })}
      </p>
    </div>
  );
}
