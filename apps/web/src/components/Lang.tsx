// Marks text whose language may differ from the page's: the knowledge base's and the engine's English under
// an Urdu interface, and what people typed in either script. Screen readers then switch voice (WCAG 3.1.2),
// and the browser keeps mixed-direction text in order ("7–10 days" stays as written inside Urdu).
import { Fragment, type ReactNode } from 'react';

/** Text known to be English. */
export function En({ children }: { children: ReactNode }) {
  return (
    <span lang="en" dir="ltr">
      {children}
    </span>
  );
}

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** Urdu when the text is written in Arabic script, otherwise English (what a Latin-script voice can read). */
export function languageOfText(text: string): 'ur' | 'en' {
  return ARABIC_SCRIPT.test(text) ? 'ur' : 'en';
}

/**
 * Text someone typed (a name, a complaint, an instruction), marked by its script and isolated. Urdu with Latin
 * words inside (a drug without an Urdu name, an instruction kept in English) has those words marked English.
 */
export function Typed({ text }: { text: string }) {
  if (languageOfText(text) === 'en') return <bdi lang="en">{text}</bdi>;
  return (
    <bdi lang="ur">
      <UrduWithLatin text={text} />
    </bdi>
  );
}

/** Stands for the English part in a translated sentence: `t(key, { name: SLOT })`. */
export const SLOT = '\u2063';

/** A translated sentence around English pieces, e.g. "Shaqeeqa کیوں؟" with the name marked English; each
 *  SLOT in `text`, in order, takes the next of `english`. */
export function WithEnglish({ text, english }: { text: string; english: string | string[] }) {
  const pieces = typeof english === 'string' ? [english] : english;
  const parts = text.split(SLOT);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <En>{pieces[i] ?? ''}</En>}
        </Fragment>
      ))}
    </>
  );
}

/** A run of Latin letters (a name the knowledge base has only in English) inside Urdu text. */
const LATIN_RUN = /([A-Za-z][A-Za-z'’ -]*[A-Za-z]|[A-Za-z])/;

/** Urdu text whose Latin-letter names (a drug without an Urdu name) are marked English. */
export function UrduWithLatin({ text }: { text: string }) {
  const parts = text.split(LATIN_RUN);
  return (
    <>
      {parts.map((part, i) =>
        // split() with a capturing group puts the matches at the odd positions.
        i % 2 === 1 ? <En key={i}>{part}</En> : <Fragment key={i}>{part}</Fragment>,
      )}
    </>
  );
}
