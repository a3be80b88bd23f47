import type { ReactNode } from 'react';
import { Typed } from '../components/Lang.tsx';

/** One part of the note under its heading; left out when it has nothing to say. */
export function NoteSection({ title, show, children }: { title: string; show: boolean; children: ReactNode }) {
  if (!show) return null;
  return (
    <section className="note-section" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function NoteList({ items }: { items: string[] }) {
  return (
    <ul>
      {items.map((item, i) => (
        <li key={`${i}-${item}`}>
          <Typed text={item} />
        </li>
      ))}
    </ul>
  );
}
