// Every page of the web app. /n/:token (the patient's note) and /sign-in need no account.

import { createBrowserRouter, Link } from 'react-router';
import { AdminPage } from './admin/AdminPage.tsx';
import { useTranslation } from './i18n/i18n.ts';
import { DiseaseDetailPage } from './knowledge/DiseaseDetailPage.tsx';
import { FormulationDetailPage, SingleDrugDetailPage } from './knowledge/FormularyDetailPages.tsx';
import { KnowledgePage } from './knowledge/KnowledgePage.tsx';
import { SymptomDetailPage } from './knowledge/SymptomDetailPage.tsx';
import { AppLayout, HomeRedirect } from './layout/AppLayout.tsx';
import { NewPatientPage } from './pages/NewPatientPage.tsx';
import { NotePage } from './pages/NotePage.tsx';
import { PatientPage } from './pages/PatientPage.tsx';
import { PatientsPage } from './pages/PatientsPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { VisitPage } from './pages/VisitPage.tsx';
import { ResearchPage } from './research/ResearchPage.tsx';

function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>
        {t('notFound.text')} <Link to="/">{t('notFound.link')}</Link>
        {t('notFound.end')}
      </p>
    </section>
  );
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/n/:token', element: <NotePage /> },
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'patients', element: <PatientsPage /> },
      { path: 'patients/new', element: <NewPatientPage /> },
      { path: 'patients/:id', element: <PatientPage /> },
      { path: 'visits/:id', element: <VisitPage /> },
      { path: 'knowledge', element: <KnowledgePage /> },
      { path: 'knowledge/diseases/:code', element: <DiseaseDetailPage /> },
      { path: 'knowledge/symptoms/:code', element: <SymptomDetailPage /> },
      { path: 'knowledge/single-drugs/:code', element: <SingleDrugDetailPage /> },
      { path: 'knowledge/formulations/:code', element: <FormulationDetailPage /> },
      { path: 'research', element: <ResearchPage /> },
      { path: 'admin', element: <AdminPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
