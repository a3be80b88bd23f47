// $validate-code: is a code (with its system, version and display, when given) a concept of a CodeSystem or ValueSet
// of ours? The answer is a Parameters resource: result, the display to use, and a message saying why when it is not.
import type { CodeSystem, Parameters } from './resources.ts';

export interface CodeToCheck {
  system?: string;
  version?: string;
  code: string;
  display?: string;
}

export interface CodeCheck {
  result: boolean;
  display?: string;
  message?: string;
}

/** Displays compare without regard to case or Unicode normalization ("Ḥ" composed or not). */
const same = (a: string, b: string) =>
  a.normalize('NFC').trim().toLocaleLowerCase('en') === b.normalize('NFC').trim().toLocaleLowerCase('en');

function checkOne(cs: CodeSystem, c: CodeToCheck, where: string, systemOk: (system: string) => boolean): CodeCheck {
  if (c.system !== undefined && !systemOk(c.system))
    return { result: false, message: `The system "${c.system}" is not part of ${where}.` };
  if (c.version !== undefined && c.version !== cs.version)
    return {
      result: false,
      message: `Version "${c.version}" of ${cs.url} is unknown here; this server has ${cs.version}.`,
    };
  const concept = cs.concept.find((x) => x.code === c.code);
  if (!concept) return { result: false, message: `The code "${c.code}" is not in ${where}.` };
  if (c.display !== undefined) {
    const names = [concept.display, ...(concept.designation ?? []).map((d) => d.value)];
    if (!names.some((n) => same(n, c.display as string)))
      return {
        result: false,
        display: concept.display,
        message: `"${c.display}" is not a display of the code "${c.code}" in ${cs.url}; its display is "${concept.display}".`,
      };
  }
  return { result: true, display: concept.display };
}

/** Valid when any of the codes is (a CodeableConcept's codings); otherwise every reason is given. */
export function checkConcept(
  cs: CodeSystem,
  codes: CodeToCheck[],
  where: string,
  systemOk: (system: string) => boolean,
): CodeCheck {
  const checks = codes.map((c) => checkOne(cs, c, where, systemOk));
  const valid = checks.find((c) => c.result);
  if (valid) return valid;
  return {
    result: false,
    ...(checks[0]?.display ? { display: checks[0].display } : {}),
    message: checks.map((c) => c.message).join(' '),
  };
}

export function validateCodeParameters(check: CodeCheck): Parameters {
  return {
    resourceType: 'Parameters',
    parameter: [
      { name: 'result', valueBoolean: check.result },
      ...(check.message ? [{ name: 'message', valueString: check.message }] : []),
      ...(check.display ? [{ name: 'display', valueString: check.display }] : []),
    ],
  };
}
