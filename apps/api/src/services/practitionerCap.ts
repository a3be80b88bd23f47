// The per-practitioner cap on the confirmed diagnoses a retraining learns from, so no single account steers the model.

/**
 * Confirmed cases one practitioner may contribute. A confirmed case counts five times a sampled one
 * (CONFIRMED_CASE_WEIGHT) and training samples 150 cases per disease (DEFAULT_CASES_PER_DISEASE): 20 cases weigh 100,
 * so even if all of one account's cases name one disease, the knowledge base keeps 60% of that disease's weight.
 */
export const MAX_CASES_PER_PRACTITIONER = 20;

/**
 * Keeps at most `cap` cases of each practitioner, their newest ones (current practice), and the input order otherwise.
 */
export function capPerPractitioner<T extends { confirmedById: string; createdAt: Date }>(
  cases: readonly T[],
  cap = MAX_CASES_PER_PRACTITIONER,
): T[] {
  const byPractitioner = new Map<string, T[]>();
  for (const c of cases) {
    const own = byPractitioner.get(c.confirmedById) ?? [];
    own.push(c);
    byPractitioner.set(c.confirmedById, own);
  }
  const kept = new Set<T>();
  for (const own of byPractitioner.values()) {
    const newest = [...own].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, cap);
    for (const c of newest) kept.add(c);
  }
  return cases.filter((c) => kept.has(c));
}
