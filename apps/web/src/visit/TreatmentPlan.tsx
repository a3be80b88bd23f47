// The treatment plan of the confirmed diagnosis: the saved plan, or the disease's protocol to start from.
import type { EncounterView, Temperament } from '@unani/contracts';
import { type ReactNode, useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { SLOT, WithEnglish } from '../components/Lang.tsx';
import { TemperamentOptions } from '../components/TemperamentOptions.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { PlanEditor } from './PlanEditor.tsx';
import { fromPlan, fromProtocol, protocolTypes } from './planDraft.ts';
import { useDisease, usePlan } from './queries.ts';
import { keepUnsavedEdits } from './unsavedEdits.ts';

type Disease = NonNullable<EncounterView['diagnosis']>['disease'];

interface Props {
  visitId: string;
  disease: Disease;
  closed: boolean;
  /** The visit's Mizaj, else the patient's: the humoural type a protocol that treats types apart starts with. */
  mizaj: Temperament | null;
  /** Plan edits not saved yet, as last reported through `onUnsavedChange`: they lock the choice of type. */
  unsaved: boolean;
  onUnsavedChange: (unsaved: boolean) => void;
}

export function TreatmentPlan({ visitId, disease, closed, mizaj, unsaved, onUnsavedChange }: Props) {
  const { t } = useTranslation();
  // The type chosen here; until then the Mizaj, when the protocol treats that type apart.
  const [chosenType, setChosenType] = useState<Temperament | '' | undefined>();
  // Each change of type starts the draft again; saving must not (the editor stays mounted while it saves).
  const [typeChanges, setTypeChanges] = useState(0);
  const format = useFormat();
  const plan = usePlan(visitId);
  // Starting again from the protocol lasts until the plan is next saved (its updatedAt moves on).
  const [restart, setRestart] = useState<{ count: number; from?: string }>({ count: 0 });
  const restarted = restart.count > 0 && plan.data?.updatedAt === restart.from;
  const startFromProtocol = plan.data === null || restarted;
  const protocol = useDisease(disease.code, startFromProtocol);
  const startAgain = () => {
    // Edits kept on the device belong to the plan being replaced: the new editor starts from the protocol.
    keepUnsavedEdits(visitId, 'plan', undefined);
    setRestart({ count: restart.count + 1, from: plan.data?.updatedAt });
  };

  let body: ReactNode;
  // A failed refetch keeps the editor: unmounting it would throw away what is being typed.
  if (plan.error && plan.data === undefined) body = <ErrorMessage error={plan.error} />;
  else if (plan.isPending) body = <p className="muted">{t('plan.loading')}</p>;
  else if (startFromProtocol && protocol.error) body = <ErrorMessage error={protocol.error} />;
  else if (startFromProtocol && !protocol.data)
    body = <p className="muted">{t('plan.loadingProtocol', { name: disease.name })}</p>;
  else {
    const fromKb = startFromProtocol && protocol.data;
    const types = protocol.data?.protocol ? protocolTypes(protocol.data.protocol) : [];
    const type = chosenType ?? (mizaj && types.includes(mizaj) ? mizaj : '');
    const initial = fromKb
      ? {
          items: protocol.data?.protocol ? fromProtocol(protocol.data.protocol, type || null) : [],
          advice: '',
          followUp: '',
        }
      : {
          items: plan.data ? fromPlan(plan.data) : [],
          advice: plan.data?.advice ?? '',
          followUp: plan.data?.followUp ?? '',
        };
    body = (
      <>
        {fromKb && protocol.data?.protocol && (
          <p className="muted">
            {t('plan.prefilled', {
              name: disease.name,
              principles: protocol.data.protocol.principles.length
                ? ` (${protocol.data.protocol.principles.join('; ')})`
                : '',
            })}
          </p>
        )}
        {fromKb && protocol.data?.protocol?.noDawa && (
          <p className="warning">
            <WithEnglish text={t('plan.noDawa', { reason: SLOT })} english={protocol.data.protocol.noDawa} />
          </p>
        )}
        {fromKb && types.length > 0 && (
          <div>
            <label>
              {t('plan.type')}
              <select
                aria-describedby="plan-type-hint"
                value={type}
                disabled={closed || unsaved}
                onChange={(e) => {
                  setChosenType(e.target.value as Temperament | '');
                  setTypeChanges(typeChanges + 1);
                }}
              >
                <TemperamentOptions only={types} noneLabel={t('plan.typeNone')} />
              </select>
            </label>
            <p id="plan-type-hint" className="muted">
              {unsaved ? (
                t('plan.typeLocked')
              ) : (
                <WithEnglish text={t('plan.typeHint', { name: SLOT })} english={disease.name} />
              )}
            </p>
          </div>
        )}
        {fromKb && !protocol.data?.protocol && (
          <p className="muted">
            <WithEnglish text={t('plan.noProtocol', { name: SLOT })} english={disease.name} />
          </p>
        )}
        {plan.data && !fromKb && (
          <p className="muted">
            {t('plan.savedAt', { date: format.dateTime(plan.data.updatedAt) })}{' '}
            <button type="button" className="link" onClick={startAgain}>
              <WithEnglish text={t('plan.restart', { name: SLOT })} english={disease.name} />
            </button>
          </p>
        )}
        {/* The editor stays mounted while it saves: a new key only for another disease, type or a fresh start. */}
        <PlanEditor
          visitId={visitId}
          key={`${disease.code}-${restart.count}-${typeChanges}`}
          initial={initial}
          initialSaved={!fromKb}
          closed={closed}
          onUnsavedChange={onUnsavedChange}
        />
      </>
    );
  }
  return (
    <section aria-labelledby="plan-heading" className="card">
      <h2 id="plan-heading">{t('plan.heading')}</h2>
      {body}
    </section>
  );
}
