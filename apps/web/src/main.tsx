import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { config as configureZod } from 'zod/v4/core';
import { queryClient } from './queryClient.ts';
import { router } from './routes.tsx';
import './i18n/i18n.ts';
import './styles.css';
import './urduFallback.css';
import { loadUrduFontAfterPaint } from './urduFont.ts';

// Our Content-Security-Policy forbids eval: zod must not compile validators with `new Function`, nor probe
// whether it may (the blocked probe is reported as a violation on every page).
configureZod({ jitless: true });

// Every screen but a patient's note declares the Nastaliq font once its first page has painted (a note does so
// itself, once the note has painted: see urduFont.ts).
const stopWatching = router.subscribe((state) => {
  if (state.navigation.state !== 'idle' || state.location.pathname.startsWith('/n/')) return;
  stopWatching();
  loadUrduFontAfterPaint();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
