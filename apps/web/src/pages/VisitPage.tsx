// The visit screen: the complaint parsed into findings, the Unani assessment, the engine's analysis, the
// confirmed diagnosis, its treatment plan, and the note shared with the patient.

import type { EncounterView } from '@unani/contracts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Typed } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { useUrduNames } from '../i18n/useUrduNames.ts';
import { AgeText, PatientSummary } from '../patients/PatientSummary.tsx';
import { AddFinding } from '../visit/AddFinding.tsx';
import { AnalysisResults } from '../visit/AnalysisResults.tsx';
import { AssessmentFields } from '../visit/AssessmentFields.tsx';
import { CloseVisit } from '../visit/CloseVisit.tsx';
import { ComplaintField } from '../visit/ComplaintField.tsx';
import { DiagnosisSection } from '../visit/DiagnosisSection.tsx';
import { FindingChips } from '../visit/FindingChips.tsx';
import { LeaveDialog } from '../visit/LeaveDialog.tsx';
import { LiveSafety } from '../visit/LiveSafety.tsx';
import { useLatestAnalysis, usePatient, usePlan, useVisit } from '../visit/queries.ts';
import { SaveStatus } from '../visit/SaveStatus.tsx';
import { SharePanel } from '../visit/SharePanel.tsx';
import { TreatmentPlan } from '../visit/TreatmentPlan.tsx';
import { readUnsavedEdits } from '../visit/unsavedEdits.ts';
import { useLeaveGuard } from '../visit/useLeaveGuard.ts';
import { useVisitActions } from '../visit/useVisitActions.ts';
import { useVisitDraft } from '../visit/useVisitDraft.ts';
import { VitalsFields } from '../visit/VitalsFields.tsx';

export function VisitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const visit = useVisit(id);
  // A failed refetch keeps the visit on screen: unmounting it would throw away what is being typed.
  if (visit.error && !visit.data)
    return (
      <section>
        <ErrorMessage error={visit.error} />
        <Link to="/patients">{t('patient.back')}</Link>
      </section>
    );
  if (!visit.data) return <p className="muted">{t('visit.loading')}</p>;
  return <VisitScreen key={visit.data.id} visit={visit.data} />;
}

function VisitScreen({ visit }: { visit: EncounterView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const urduNames = useUrduNames();
  const patient = usePatient(visit.patientId);
  const plan = usePlan(visit.id, Boolean(visit.diagnosis));
  // Edits this device kept because they could not be saved: shown again, and sent.
  const [restored] = useState(() => readUnsavedEdits(visit.id, 'visit'));
  const draft = useVisitDraft(visit, restored);
  const { autosave, analyse, confirm, close } = useVisitActions(visit, draft);
  const closed = visit.status === 'closed';
  const [planUnsaved, setPlanUnsaved] = useState(false);
  const blocker = useLeaveGuard(autosave.unsaved || planUnsaved);
  // After a reload, the last analysis as it was given; a new one replaces it.
  const previous = useLatestAnalysis(visit.id, visit.status !== 'open');
  const analysis = analyse.data ?? previous.data ?? undefined;
  const busy = analyse.isPending;

  const answer = (symptom: string, name: string, present: boolean) =>
    analyse.mutate(draft.add({ symptom, name, present, origin: 'question' }));

  return (
    <section className="visit">
      <p>
        <Link to={`/patients/${visit.patientId}`}>
          {t('common.backArrow')} {patient.data ? <Typed text={patient.data.name} /> : t('visit.patient')}
        </Link>
      </p>
      <h1>{t('visit.title')}</h1>
      <p className="muted">
        {patient.data && (
          <>
            <Typed text={patient.data.name} />
            {' · '}
            <AgeText patient={patient.data} />
            {` · ${t(`vocabulary.sex.${patient.data.sex}`)} · `}
          </>
        )}
        {format.dateTime(visit.createdAt)}
      </p>
      {patient.data && <PatientSummary patient={patient.data} />}

      {closed && (
        <p className="alert" role="status">
          {t('visit.closedNotice')}
        </p>
      )}

      {/* A closed visit is read, not edited: a disabled fieldset disables every control inside it. */}
      <fieldset className="card plain" disabled={closed}>
        <ComplaintField
          value={draft.complaint}
          onChange={draft.setComplaint}
          parsed={draft.parsed}
          parsing={draft.parsing}
          error={draft.parseError}
        />
        <FindingChips findings={draft.findings} onRemove={draft.remove} urduNames={urduNames?.symptoms} />
        <AddFinding onAdd={(f) => void draft.add(f)} />
        <AssessmentFields
          temperament={draft.temperament}
          onTemperament={draft.setTemperament}
          nabzNotes={draft.nabzNotes}
          onNabzNotes={draft.setNabzNotes}
        />
        <VitalsFields vitals={draft.vitals} onChange={draft.setVitals} />
        <div className="row">
          <button type="button" className="primary" disabled={busy} onClick={() => analyse.mutate(draft.edits)}>
            {analyse.isPending ? t('visit.analysing') : t('visit.analyse')}
          </button>
          <SaveStatus status={autosave.status} error={autosave.error} />
        </div>
        <ErrorMessage error={analyse.error} />
      </fieldset>

      <LiveSafety visitId={visit.id} analysed={Boolean(analysis)} />
      <fieldset className="plain" disabled={closed}>
        {analysis && (
          <AnalysisResults
            analysis={analysis}
            onConfirm={(code) => confirm.mutate(code)}
            confirming={confirm.isPending}
            confirmedCode={visit.diagnosis?.disease.code}
            onAnswer={answer}
            busy={busy}
            urduNames={urduNames}
          />
        )}

        {!analyse.data && previous.data && !closed && <p className="muted">{t('visit.previous')}</p>}

        <DiagnosisSection
          diagnosis={visit.diagnosis}
          onConfirm={(code) => confirm.mutate(code)}
          busy={confirm.isPending}
          error={confirm.error}
        />
      </fieldset>
      {visit.diagnosis && (
        <TreatmentPlan
          visitId={visit.id}
          disease={visit.diagnosis.disease}
          closed={closed}
          mizaj={visit.temperament ?? patient.data?.temperament ?? null}
          unsaved={planUnsaved}
          onUnsavedChange={setPlanUnsaved}
        />
      )}
      {visit.diagnosis && plan.data && <SharePanel visitId={visit.id} />}
      {visit.diagnosis && plan.data === null && <p className="muted">{t('visit.shareAfterPlan')}</p>}
      {!closed && <CloseVisit onClose={() => close.mutate()} closing={close.isPending} error={close.error} />}
      {blocker.state === 'blocked' && <LeaveDialog onStay={blocker.reset} onLeave={blocker.proceed} />}
    </section>
  );
}
