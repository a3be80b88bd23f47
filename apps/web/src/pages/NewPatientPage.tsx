// Registering a patient: the form is validated with the same zod schema as the API. The age may be given in years,
// months or days (months and days become an estimated date of birth), or as the date of birth itself.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PatientCreate, sexes } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, api } from '../api/client.ts';
import { TemperamentOptions } from '../components/TemperamentOptions.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { type AgeUnit, ageUnits, birthFromAge } from '../patients/age.ts';
import { historyForm, historyOf } from '../patients/historyForm.ts';
import { PatientHistoryFields } from '../patients/PatientHistoryFields.tsx';

const fields = ['name', 'age', 'birthDate', 'sex', 'phone', 'temperament', 'clinicNumber'] as const;
type Errors = Partial<Record<(typeof fields)[number], string>>;

export function NewPatientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState({
    name: '',
    age: '',
    ageUnit: 'years' as AgeUnit,
    birthDate: '',
    sex: '',
    phone: '',
    temperament: '',
    clinicNumber: '',
  });
  const [history, setHistory] = useState(historyForm(undefined));
  const [errors, setErrors] = useState<Errors>({});
  const save = useMutation({
    mutationFn: (body: PatientCreate) => api(routes.createPatient, { body }),
    onSuccess: (patient) => {
      void client.invalidateQueries({ queryKey: ['patients'] });
      navigate(`/patients/${patient.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        setErrors(Object.fromEntries(fields.map((f) => [f, error.forField(f)])));
      }
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const age = form.age === '' ? undefined : Number(form.age);
    const when = form.birthDate
      ? { birthDate: form.birthDate }
      : age === undefined
        ? { age: Number.NaN }
        : Number.isInteger(age) && age >= 0
          ? { ...birthFromAge(age, form.ageUnit), birthDateEstimated: form.ageUnit !== 'years' }
          : { age };
    const candidate = {
      name: form.name,
      ...when,
      sex: form.sex || undefined,
      phone: form.phone.trim() || undefined,
      temperament: form.temperament || undefined,
      clinicNumber: form.clinicNumber.trim() || undefined,
      history: historyOf(history),
    };
    const parsed = PatientCreate.safeParse(candidate);
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof Errors | 'history' | 'birthDateEstimated';
        if (key === 'history' || key === 'birthDateEstimated') continue;
        found[key] ??=
          key === 'age'
            ? t('newPatient.ageError')
            : key === 'sex'
              ? t('newPatient.sexError')
              : t(`newPatient.${key}Error`);
      }
      setErrors(found);
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  return (
    <section className="narrow">
      <h1>{t('newPatient.title')}</h1>
      <form className="card" onSubmit={submit} noValidate aria-label={t('newPatient.form')}>
        <label>
          {t('newPatient.name')}
          <input value={form.name} onChange={set('name')} aria-invalid={Boolean(errors.name)} />
          {errors.name && <span className="field-error">{errors.name}</span>}
        </label>
        <div className="row">
          <label>
            {t('newPatient.age')}
            <input
              type="number"
              min={0}
              max={130}
              inputMode="numeric"
              value={form.age}
              onChange={set('age')}
              disabled={Boolean(form.birthDate)}
              aria-invalid={Boolean(errors.age)}
            />
          </label>
          <label>
            {t('newPatient.ageUnit')}
            <select value={form.ageUnit} onChange={set('ageUnit')} disabled={Boolean(form.birthDate)}>
              {ageUnits.map((u) => (
                <option key={u} value={u}>
                  {t(`newPatient.unit.${u}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('newPatient.birthDate')}
            <input
              type="date"
              value={form.birthDate}
              onChange={set('birthDate')}
              aria-invalid={Boolean(errors.birthDate)}
              aria-describedby="birth-date-hint"
            />
          </label>
        </div>
        <span id="birth-date-hint" className="muted">
          {t('newPatient.birthDateHint')}
        </span>
        {errors.age && <span className="field-error">{errors.age}</span>}
        {errors.birthDate && <span className="field-error">{errors.birthDate}</span>}
        <label>
          {t('newPatient.sex')}
          <select value={form.sex} onChange={set('sex')} aria-invalid={Boolean(errors.sex)}>
            <option value="">{t('newPatient.choose')}</option>
            {sexes.map((s) => (
              <option key={s} value={s}>
                {t(`vocabulary.sexOption.${s}`)}
              </option>
            ))}
          </select>
          {errors.sex && <span className="field-error">{errors.sex}</span>}
        </label>
        <label>
          {t('newPatient.phone')}
          <input
            type="tel"
            value={form.phone}
            onChange={set('phone')}
            placeholder={t('common.optional')}
            aria-invalid={Boolean(errors.phone)}
          />
          {errors.phone && <span className="field-error">{errors.phone}</span>}
        </label>
        <label>
          {t('newPatient.clinicNumber')}
          <input
            value={form.clinicNumber}
            onChange={set('clinicNumber')}
            placeholder={t('common.optional')}
            aria-invalid={Boolean(errors.clinicNumber)}
          />
          {errors.clinicNumber && <span className="field-error">{errors.clinicNumber}</span>}
        </label>
        <label>
          {t('newPatient.temperament')}
          <select value={form.temperament} onChange={set('temperament')}>
            <TemperamentOptions />
          </select>
        </label>
        <PatientHistoryFields
          value={history}
          onChange={setHistory}
          sex={form.sex as '' | 'female' | 'male' | 'other'}
        />
        {save.error && !(save.error instanceof ApiError && save.error.fieldErrors.length) && (
          <p className="error" role="alert">
            {save.error.message}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('newPatient.save')}
          </button>
          <Link to="/patients">{t('common.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
