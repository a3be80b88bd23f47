// The visit's triage and red flags as it is written: fetched again after every save, so a finding typed, picked or
// measured (vital signs) raises its warning at once, before "Analyse" and before a diagnosis is confirmed.
// A routine or self-care triage waits for an analysis; danger never waits.

import { useVisitSafety } from './queries.ts';
import { RedFlags } from './RedFlags.tsx';
import { TriageBanner } from './TriageBanner.tsx';

export function LiveSafety({ visitId, analysed }: { visitId: string; analysed: boolean }) {
  const safety = useVisitSafety(visitId);
  const s = safety.data;
  if (!s) return null;
  const danger = s.redFlags.length > 0 || s.triage.level === 'emergency' || s.triage.level === 'urgent';
  if (!danger && !analysed) return null;
  return (
    <>
      <TriageBanner triage={s.triage} />
      <RedFlags flags={s.redFlags} />
    </>
  );
}
