// CodeSystem $lookup: one concept of a CodeSystem as the Parameters resource the operation returns.
import type { CodeSystem, Parameters } from './resources.ts';

type Part = NonNullable<Parameters['parameter'][number]['part']>[number];

/** The concept's name, display, designations and properties; undefined when the code is not in the system. */
export function lookupConcept(system: CodeSystem, code: string): Parameters | undefined {
  const concept = system.concept.find((c) => c.code === code);
  if (!concept) return undefined;
  const designations = (concept.designation ?? []).map((d) => ({
    name: 'designation',
    part: [
      ...(d.language ? [{ name: 'language', valueCode: d.language }] : []),
      ...(d.use ? [{ name: 'use', valueCoding: d.use }] : []),
      { name: 'value', valueString: d.value },
    ],
  }));
  const properties = (concept.property ?? []).map((p) => {
    const value: Part = p.valueCoding
      ? { name: 'value', valueCoding: p.valueCoding }
      : p.valueString !== undefined
        ? { name: 'value', valueString: p.valueString }
        : { name: 'value', valueCode: p.valueCode ?? '' };
    return { name: 'property', part: [{ name: 'code', valueCode: p.code }, value] };
  });
  return {
    resourceType: 'Parameters',
    parameter: [
      { name: 'name', valueString: system.title },
      { name: 'version', valueString: system.version },
      { name: 'display', valueString: concept.display },
      ...designations,
      // R4 returns the definition as a property with the code "definition".
      ...(concept.definition
        ? [
            {
              name: 'property',
              part: [
                { name: 'code', valueCode: 'definition' },
                { name: 'value', valueString: concept.definition },
              ],
            },
          ]
        : []),
      ...properties,
    ],
  };
}
