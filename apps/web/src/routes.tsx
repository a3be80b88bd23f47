// Every page of the web app. /n/:token (the patient's note) and /sign-in need no account.

import { createBrowserRouter, Link } from 'react-router';
import { useTranslation } from './i18n/i18n.ts';
import { noteQuery } from './note/noteQuery.ts';
import { queryClient } from './queryClient.ts';

// Each page is its own chunk, fetched when first visited: sign-in and the patient's note load only what
// they show, and the charts, the admin screens and the knowledge browser load on demand.
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
  { path: '/sign-in', lazy: async () => ({ Component: (await import('./pages/SignInPage.tsx')).SignInPage }) },
  {
    path: '/n/:token',
    // Asks for the note while the page's code downloads, instead of after.
    loader: ({ params }) => {
      queryClient.fetchQuery(noteQuery(params.token ?? '')).catch(() => undefined); // the page shows why the note is unavailable
      return null;
    },
    lazy: async () => ({ Component: (await import('./pages/NotePage.tsx')).NotePage }),
  },
  {
    lazy: async () => ({ Component: (await import('./layout/AppLayout.tsx')).AppLayout }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./layout/AppLayout.tsx')).HomeRedirect }) },
      { path: 'patients', lazy: async () => ({ Component: (await import('./pages/PatientsPage.tsx')).PatientsPage }) },
      {
        path: 'patients/new',
        lazy: async () => ({ Component: (await import('./pages/NewPatientPage.tsx')).NewPatientPage }),
      },
      {
        path: 'patients/:id',
        lazy: async () => ({ Component: (await import('./pages/PatientPage.tsx')).PatientPage }),
      },
      {
        path: 'patients/:id/mizaj',
        lazy: async () => ({ Component: (await import('./pages/MizajAssessmentPage.tsx')).MizajAssessmentPage }),
      },
      { path: 'visits/:id', lazy: async () => ({ Component: (await import('./pages/VisitPage.tsx')).VisitPage }) },
      {
        path: 'knowledge',
        lazy: async () => ({ Component: (await import('./knowledge/KnowledgePage.tsx')).KnowledgePage }),
      },
      {
        path: 'knowledge/diseases/:code',
        lazy: async () => ({ Component: (await import('./knowledge/DiseaseDetailPage.tsx')).DiseaseDetailPage }),
      },
      {
        path: 'knowledge/symptoms/:code',
        lazy: async () => ({ Component: (await import('./knowledge/SymptomDetailPage.tsx')).SymptomDetailPage }),
      },
      {
        path: 'knowledge/single-drugs/:code',
        lazy: async () => ({
          Component: (await import('./knowledge/FormularyDetailPages.tsx')).SingleDrugDetailPage,
        }),
      },
      {
        path: 'knowledge/formulations/:code',
        lazy: async () => ({
          Component: (await import('./knowledge/FormularyDetailPages.tsx')).FormulationDetailPage,
        }),
      },
      {
        path: 'research',
        lazy: async () => ({ Component: (await import('./research/ResearchPage.tsx')).ResearchPage }),
      },
      { path: 'admin', lazy: async () => ({ Component: (await import('./admin/AdminPage.tsx')).AdminPage }) },
      {
        path: 'account',
        lazy: async () => ({ Component: (await import('./account/AccountPage.tsx')).AccountPage }),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
