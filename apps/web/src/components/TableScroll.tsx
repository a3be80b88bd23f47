// A data table that may be wider than a phone: it scrolls sideways inside its own box instead of widening
// the page. The box takes keyboard focus (so it scrolls from the keyboard too) and is named for that stop.
import type { ReactNode } from 'react';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named group, not a <fieldset> (no form) nor a landmark.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable from the keyboard.
    <div className="table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
