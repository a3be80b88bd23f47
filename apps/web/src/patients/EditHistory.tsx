// Editing a patient's history from the patient page; saved with the patient (PATCH), shown on every visit.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PatientView } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { useTranslation } from '../i18n/i18n.ts';
import { historyForm, historyOf } from './historyForm.ts';
import { PatientHistoryFields } from './PatientHistoryFields.tsx';

export function EditHistory({ patient, onDone }: { patient: PatientView; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState(() => historyForm(patient.history));
  const save = useMutation({
    mutationFn: () =>
      api(routes.updatePatient, { params: { id: patient.id }, body: { history: historyOf(form, patient.history) } }),
    onSuccess: (updated) => {
      client.setQueryData(['patient', patient.id], updated);
      void client.invalidateQueries({ queryKey: ['patients'] });
      // Pregnancy, conditions and age change the triage of the patient's visits.
      void client.invalidateQueries({ queryKey: ['visit'] });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-label={t('history.edit')}>
      <PatientHistoryFields value={form} onChange={setForm} sex={patient.sex} />
      {save.error && (
        <p className="error" role="alert">
          {t('history.error', { message: save.error.message })}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('history.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
