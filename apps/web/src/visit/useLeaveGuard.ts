// Leaving the visit while edits are not saved asks first: in-app links through the router, a reload or closing
// the tab through the browser's own question.
import { useEffect } from 'react';
import { useBlocker } from 'react-router';

export function useLeaveGuard(unsaved: boolean) {
  // Moving within the visit's own address (a hash, the same page) loses nothing.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium asks only when returnValue is set as well.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);
  // Saved in the meantime (the autosave answered while the question was open): nothing to ask any more.
  useEffect(() => {
    if (blocker.state === 'blocked' && !unsaved) blocker.proceed();
  }, [blocker, unsaved]);
  return blocker;
}
