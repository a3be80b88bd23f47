// Matches a written disease or symptom label to its code: by code, name or synonym, ignoring case, spaces,
// underscores and hyphens ("Common_Cold", "common cold" and "common-cold" are the same label).

/** The comparison key of a label. */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(/[\s_-]+/g, '');
}

export interface Labelled {
  code: string;
  names: readonly (string | undefined)[];
}

/** A lookup from any label of an entry to its code; the first entry to claim a label keeps it. */
export function labelMatcher(entries: readonly Labelled[]): (label: string) => string | undefined {
  const index = new Map<string, string>();
  for (const e of entries) {
    for (const name of [e.code, ...e.names]) {
      if (name && !index.has(labelKey(name))) index.set(labelKey(name), e.code);
    }
  }
  return (label) => index.get(labelKey(label));
}
