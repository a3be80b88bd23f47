// The differential service's cards: the triage and each red flag first (critical for an emergency, warning for an
// urgent referral), then the top differential.
import { randomUUID } from 'node:crypto';
import { ADVISORY_NOTICE, type Analysis } from '@unani/contracts';
import { SYMPTOMS_SYSTEM } from '../../services/fhir/systems.ts';
import type { Card } from './schemas.ts';

const source = { label: 'Unani CDSS' };
/** Diseases named on the differential card. */
export const DIFFERENTIAL_SHOWN = 3;
/** CDS Hooks 2.0: a card's summary SHOULD be under 140 characters. */
const SUMMARY_MAX = 139;

const short = (text: string) => (text.length <= SUMMARY_MAX ? text : `${text.slice(0, SUMMARY_MAX - 1)}…`);
const percent = (p: number) => `${Math.round(p * 100)}%`;

function card(indicator: Card['indicator'], summary: string, detail: string, appUrl: string): Card {
  return {
    uuid: randomUUID(),
    summary: short(summary),
    detail,
    indicator,
    source,
    links: [{ label: 'Open Unani CDSS', url: appUrl, type: 'absolute' }],
  };
}

export function notEnoughInformationCard(appUrl: string): Card {
  return card(
    'info',
    'Not enough information for a Unani differential',
    `No findings were recognised. Prefetch the patient's Observations coded in \`${SYMPTOMS_SYSTEM}\` with \`valueBoolean\` (true = present, false = absent).\n\n_${ADVISORY_NOTICE}_`,
    appUrl,
  );
}

function redFlagCards(analysis: Analysis, appUrl: string): Card[] {
  const names = new Map(analysis.findings.map((f) => [f.symptom, f.name]));
  return analysis.redFlags.map((flag) => {
    const triggers = flag.findings.map((code) => names.get(code) ?? code).join(', ');
    const detail = `**${flag.urgency === 'emergency' ? 'Emergency' : 'Urgent'}**: ${flag.message}\n\nTriggered by: ${triggers}.\n\n_${ADVISORY_NOTICE}_`;
    return card(flag.urgency === 'emergency' ? 'critical' : 'warning', flag.message, detail, appUrl);
  });
}

/** Emergency and urgent triage as its own card, with what to do; routine triage needs no card. */
function triageCard(analysis: Analysis, appUrl: string): Card[] {
  const { level, advice, reasons } = analysis.triage;
  if (level !== 'emergency' && level !== 'urgent') return [];
  const heading = level === 'emergency' ? 'Triage: emergency' : 'Triage: urgent (within 24 hours)';
  const detail = [
    `**${heading}**. ${advice}`,
    reasons.map((r) => `- ${r.text}`).join('\n'),
    `_${ADVISORY_NOTICE}_`,
  ].join('\n\n');
  return [card(level === 'emergency' ? 'critical' : 'warning', `${heading}: ${advice}`, detail, appUrl)];
}

function differentialCard(analysis: Analysis, appUrl: string): Card | undefined {
  const top = analysis.differential.slice(0, DIFFERENTIAL_SHOWN);
  if (!top.length) return undefined;
  const label = (d: (typeof top)[number]) => `${d.disease.name} (${d.disease.englishName})`;
  const summary = `Unani differential: ${top.map((d) => `${label(d)} ${percent(d.probability)}`).join(', ')}`;
  const lines = top.map((d, i) => {
    const support = d.supporting.length ? `; supported by ${d.supporting.map((s) => s.name).join(', ')}` : '';
    return `${i + 1}. **${label(d)}** — ${percent(d.probability)}${support}`;
  });
  const questions = analysis.nextQuestions.map((q) => q.name);
  const detail = [
    `**Top differential** (model ${analysis.modelVersion})`,
    lines.join('\n'),
    ...(analysis.flat ? ['No disease stands out yet: gather more findings before relying on this list.'] : []),
    ...(questions.length ? [`Ask next about: ${questions.join(', ')}.`] : []),
    `_${ADVISORY_NOTICE}_`,
  ].join('\n\n');
  return card('info', summary, detail, appUrl);
}

/** Triage and red flags first, then the differential; never an empty answer. */
export function analysisCards(analysis: Analysis, appUrl: string): Card[] {
  return [
    ...triageCard(analysis, appUrl),
    ...redFlagCards(analysis, appUrl),
    differentialCard(analysis, appUrl) ?? notEnoughInformationCard(appUrl),
  ];
}
