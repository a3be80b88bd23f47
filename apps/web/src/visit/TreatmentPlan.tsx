// The treatment plan of the confirmed diagnosis: the saved plan, or the disease's protocol to start from.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EncounterView, PlanRequest, PlanView } from '@unani/contracts';
import { type ReactNode, useState } from 'react';
import { post } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { SLOT, WithEnglish } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { PlanEditor } from './PlanEditor.tsx';
import { fromPlan, fromProtocol } from './planDraft.ts';
import { planKey, useDisease, usePlan, visitKey } from './queries.ts';

type Disease = NonNullable<EncounterView['diagnosis']>['disease'];

export function TreatmentPlan({ visitId, disease }: { visitId: string; disease: Disease }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const plan = usePlan(visitId);
  const [restart, setRestart] = useState(0);
  const startFromProtocol = plan.data === null || restart > 0;
  const protocol = useDisease(disease.code, startFromProtocol);
  const save = useMutation({
    mutationFn: (body: PlanRequest) => post<PlanView>(`/api/v1/encounters/${visitId}/plan`, body),
    onSuccess: (saved) => {
      setRestart(0);
      client.setQueryData(planKey(visitId), saved);
      void client.invalidateQueries({ queryKey: visitKey(visitId) });
    },
  });

  let body: ReactNode;
  if (plan.error) body = <ErrorMessage error={plan.error} />;
  else if (plan.isPending) body = <p className="muted">{t('plan.loading')}</p>;
  else if (startFromProtocol && protocol.error) body = <ErrorMessage error={protocol.error} />;
  else if (startFromProtocol && !protocol.data)
    body = <p className="muted">{t('plan.loadingProtocol', { name: disease.name })}</p>;
  else {
    const fromKb = startFromProtocol && protocol.data;
    const initial = fromKb
      ? { items: protocol.data?.protocol ? fromProtocol(protocol.data.protocol) : [], advice: '', followUp: '' }
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
        {fromKb && !protocol.data?.protocol && (
          <p className="muted">
            <WithEnglish text={t('plan.noProtocol', { name: SLOT })} english={disease.name} />
          </p>
        )}
        {plan.data && !fromKb && (
          <p className="muted">
            {t('plan.savedAt', { date: format.dateTime(plan.data.updatedAt) })}{' '}
            <button type="button" className="link" onClick={() => setRestart(restart + 1)}>
              <WithEnglish text={t('plan.restart', { name: SLOT })} english={disease.name} />
            </button>
          </p>
        )}
        <PlanEditor
          visitId={visitId}
          key={fromKb ? `protocol-${disease.code}-${restart}` : `plan-${plan.data?.updatedAt}`}
          initial={initial}
          onSave={(request) => save.mutate(request)}
          saving={save.isPending}
        />
      </>
    );
  }
  return (
    <section aria-labelledby="plan-heading" className="card">
      <h2 id="plan-heading">{t('plan.heading')}</h2>
      {body}
      <ErrorMessage error={save.error} />
      {save.isSuccess && <p role="status">{t('plan.planSaved')}</p>}
    </section>
  );
}
