// The differential service's cards: the triage and each red flag first (critical for an emergency, warning for an
// urgent referral), then the top differential. Every summary is written to fit a card (CDS Hooks 2.0: under 140
// characters), never cut; the whole text is in the detail.
import { randomUUID } from 'node:crypto';
import { ADVISORY_NOTICE, type Analysis, type TriageLevel } from '@unani/contracts';
import { CARD_SUMMARY_MAX, type Card } from './schemas.ts';

const source = { label: 'Unani CDSS' };
/** Diseases named on the differential card. */
export const DIFFERENTIAL_SHOWN = 3;

const percent = (p: number) => `${Math.round(p * 100)}%`;

/**
 * Only for text the knowledge validator did not check (it refuses a red flag without a short summary): ends at a
 * word with "…" rather than mid-word, so no card is refused for its length.
 */
export function fitSummary(text: string): string {
  if (text.length <= CARD_SUMMARY_MAX) return text;
  const head = text.slice(0, CARD_SUMMARY_MAX - 1);
  const cut = head.lastIndexOf(' ');
  return `${(cut > 0 ? head.slice(0, cut) : head).replace(/[\s,;:.—-]+$/, '')}…`;
}

function card(indicator: Card['indicator'], summary: string, detail: string, appUrl: string): Card {
  return {
    uuid: randomUUID(),
    summary: fitSummary(summary),
    detail,
    indicator,
    source,
    links: [{ label: 'Open Unani CDSS', url: appUrl, type: 'absolute' }],
  };
}

/** The red flag's own summary, or its message when that is short; the message in full goes to the detail. */
export const redFlagSummary = (flag: Analysis['redFlags'][number]) => flag.summary ?? flag.message;

function redFlagCards(analysis: Analysis, appUrl: string): Card[] {
  const names = new Map(analysis.findings.map((f) => [f.symptom, f.name]));
  return analysis.redFlags.map((flag) => {
    const triggers = flag.findings.map((code) => names.get(code) ?? code).join(', ');
    const detail = `**${flag.urgency === 'emergency' ? 'Emergency' : 'Urgent'}**: ${flag.message}\n\nTriggered by: ${triggers}.\n\n_${ADVISORY_NOTICE}_`;
    return card(flag.urgency === 'emergency' ? 'critical' : 'warning', redFlagSummary(flag), detail, appUrl);
  });
}

/** Card wording of the triage levels that get a card; the advice in full is in the detail. */
export const TRIAGE_CARD: Partial<Record<TriageLevel, { heading: string; summary: string }>> = {
  emergency: {
    heading: 'Triage: emergency',
    summary: 'Triage: emergency — send to a hospital emergency department now; do not wait for Unani treatment.',
  },
  urgent: {
    heading: 'Triage: urgent (within 24 hours)',
    summary: 'Triage: urgent — the patient should see a medical doctor today, within 24 hours.',
  },
};

/** Emergency and urgent triage as its own card, with what to do; routine triage needs no card. */
function triageCard(analysis: Analysis, appUrl: string): Card[] {
  const { level, advice, reasons } = analysis.triage;
  const wording = TRIAGE_CARD[level];
  if (!wording) return [];
  const detail = [
    `**${wording.heading}**. ${advice}`,
    reasons.map((r) => `- ${r.text}`).join('\n'),
    `_${ADVISORY_NOTICE}_`,
  ].join('\n\n');
  return [card(level === 'emergency' ? 'critical' : 'warning', wording.summary, detail, appUrl)];
}

type Entry = Analysis['differential'][number];
const label = (d: Entry) => `${d.disease.name} (${d.disease.englishName})`;

/** The most of the top diseases that fit a summary, with their English names when they fit too. */
export function differentialSummary(top: readonly Entry[]): string {
  const heading = 'Unani differential: ';
  for (let n = top.length; n >= 1; n--) {
    const full = `${heading}${top
      .slice(0, n)
      .map((d) => `${label(d)} ${percent(d.probability)}`)
      .join(', ')}`;
    if (full.length <= CARD_SUMMARY_MAX) return full;
  }
  const first = top[0];
  const short = first ? `${heading}${first.disease.name} ${percent(first.probability)}` : '';
  return short && short.length <= CARD_SUMMARY_MAX ? short : 'Unani differential: see the detail for the top diseases';
}

function differentialCard(analysis: Analysis, recorded: ReadonlySet<string>, appUrl: string): Card | undefined {
  const already = analysis.differential.filter((d) => recorded.has(d.disease.code));
  const top = analysis.differential.filter((d) => !recorded.has(d.disease.code)).slice(0, DIFFERENTIAL_SHOWN);
  if (!top.length) return undefined;
  const lines = top.map((d, i) => {
    const support = d.supporting.length ? `; supported by ${d.supporting.map((s) => s.name).join(', ')}` : '';
    return `${i + 1}. **${label(d)}** — ${percent(d.probability)}${support}`;
  });
  const questions = analysis.nextQuestions.map((q) => q.name);
  const asks = analysis.triage.ask.map((a) => a.reason);
  const detail = [
    `**Top differential** (model ${analysis.modelVersion})`,
    lines.join('\n'),
    ...(already.length
      ? [`Already diagnosed for this patient, so not suggested again: ${already.map(label).join(', ')}.`]
      : []),
    ...(analysis.flat ? ['No disease stands out yet: gather more findings before relying on this list.'] : []),
    ...(questions.length ? [`Ask next about: ${questions.join(', ')}.`] : []),
    ...asks,
    `_${ADVISORY_NOTICE}_`,
  ].join('\n\n');
  return card('info', differentialSummary(top), detail, appUrl);
}

/**
 * Triage and red flags first, then the differential without the diseases already diagnosed (`recorded`); no cards
 * when there is nothing to say.
 */
export function analysisCards(analysis: Analysis, appUrl: string, recorded: ReadonlySet<string> = new Set()): Card[] {
  const differential = differentialCard(analysis, recorded, appUrl);
  return [...triageCard(analysis, appUrl), ...redFlagCards(analysis, appUrl), ...(differential ? [differential] : [])];
}
