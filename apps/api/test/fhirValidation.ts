// A small FHIR R4 validator for the resources this server sends: the cardinalities, required value sets,
// formats and invariants that matter for them, and reference resolution inside collection Bundles.
// It reads the JSON as received, independently of the server's own schemas. `[]` means valid.

export interface FhirIssue {
  path: string;
  message: string;
}

const RESOURCE_TYPES = new Set(
  `Account ActivityDefinition AdverseEvent AllergyIntolerance Appointment AppointmentResponse AuditEvent Basic Binary
  BiologicallyDerivedProduct BodyStructure Bundle CapabilityStatement CarePlan CareTeam CatalogEntry ChargeItem
  ChargeItemDefinition Claim ClaimResponse ClinicalImpression CodeSystem Communication CommunicationRequest
  CompartmentDefinition Composition ConceptMap Condition Consent Contract Coverage CoverageEligibilityRequest
  CoverageEligibilityResponse DetectedIssue Device DeviceDefinition DeviceMetric DeviceRequest DeviceUseStatement
  DiagnosticReport DocumentManifest DocumentReference EffectEvidenceSynthesis Encounter Endpoint EnrollmentRequest
  EnrollmentResponse EpisodeOfCare EventDefinition Evidence EvidenceVariable ExampleScenario ExplanationOfBenefit
  FamilyMemberHistory Flag Goal GraphDefinition Group GuidanceResponse HealthcareService ImagingStudy Immunization
  ImmunizationEvaluation ImmunizationRecommendation ImplementationGuide InsurancePlan Invoice Library Linkage List
  Location Measure MeasureReport Media Medication MedicationAdministration MedicationDispense MedicationKnowledge
  MedicationRequest MedicationStatement MedicinalProduct MedicinalProductAuthorization MedicinalProductContraindication
  MedicinalProductIndication MedicinalProductIngredient MedicinalProductInteraction MedicinalProductManufactured
  MedicinalProductPackaged MedicinalProductPharmaceutical MedicinalProductUndesirableEffect MessageDefinition
  MessageHeader MolecularSequence NamingSystem NutritionOrder Observation ObservationDefinition OperationDefinition
  OperationOutcome Organization OrganizationAffiliation Parameters Patient PaymentNotice PaymentReconciliation Person
  PlanDefinition Practitioner PractitionerRole Procedure Provenance Questionnaire QuestionnaireResponse RelatedPerson
  RequestGroup ResearchDefinition ResearchElementDefinition ResearchStudy ResearchSubject RiskAssessment
  RiskEvidenceSynthesis Schedule SearchParameter ServiceRequest Slot Specimen SpecimenDefinition StructureDefinition
  StructureMap Subscription Substance SubstanceNucleicAcid SubstancePolymer SubstanceProtein
  SubstanceReferenceInformation SubstanceSourceMaterial SubstanceSpecification SupplyDelivery SupplyRequest Task
  TerminologyCapabilities TestReport TestScript ValueSet VerificationResult VisionPrescription`.split(/\s+/),
);

const valueSets = {
  observationStatus: [
    'registered',
    'preliminary',
    'final',
    'amended',
    'corrected',
    'cancelled',
    'entered-in-error',
    'unknown',
  ],
  encounterStatus: [
    'planned',
    'arrived',
    'triaged',
    'in-progress',
    'onleave',
    'finished',
    'cancelled',
    'entered-in-error',
    'unknown',
  ],
  bundleType: [
    'document',
    'message',
    'transaction',
    'transaction-response',
    'batch',
    'batch-response',
    'history',
    'searchset',
    'collection',
  ],
  gender: ['male', 'female', 'other', 'unknown'],
  publicationStatus: ['draft', 'active', 'retired', 'unknown'],
  capabilityKind: ['instance', 'capability', 'requirements'],
  codeSystemContent: ['not-present', 'example', 'fragment', 'complete', 'supplement'],
  interaction: [
    'read',
    'vread',
    'update',
    'patch',
    'delete',
    'history-instance',
    'history-type',
    'create',
    'search-type',
  ],
  issueSeverity: ['fatal', 'error', 'warning', 'information'],
  issueType: `invalid structure required value invariant security login unknown expired forbidden suppressed processing
    not-supported duplicate multiple-matches not-found deleted too-long code-invalid extension too-costly business-rule
    conflict transient lock-error no-store exception timeout incomplete throttled informational`.split(/\s+/),
  conditionClinical: ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'],
  conditionVerification: ['unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted', 'entered-in-error'],
};

const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const FHIR_VERSIONS = ['4.0.0', '4.0.1'];

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const TIME = 'T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';
const DATE_TIME = new RegExp(`^${YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(${TIME})?)?)?$`);
const INSTANT = new RegExp(`^${YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])${TIME}$`);
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const ABSOLUTE_URI = /^(https?|urn|ftp):\S+$/;
const RELATIVE_REFERENCE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

class Checker {
  readonly issues: FhirIssue[] = [];

  fail(path: string, message: string) {
    this.issues.push({ path, message });
  }
  required(r: Json, key: string, path: string) {
    if (r[key] === undefined) this.fail(`${path}.${key}`, 'is required');
  }
  oneOf(value: unknown, allowed: readonly string[], path: string, required = true) {
    if (value === undefined) {
      if (required) this.fail(path, 'is required');
    } else if (typeof value !== 'string' || !allowed.includes(value)) {
      this.fail(path, `"${String(value)}" is not one of ${allowed.join('|')}`);
    }
  }
  format(value: unknown, pattern: RegExp, what: string, path: string) {
    if (value !== undefined && (typeof value !== 'string' || !pattern.test(value)))
      this.fail(path, `"${String(value)}" is not a valid ${what}`);
  }

  /** FHIR JSON has no nulls, empty strings, arrays or objects; codings name absolute systems. */
  structure(value: unknown, path: string) {
    if (value === null) this.fail(path, 'null is not allowed');
    else if (value === '') this.fail(path, 'empty strings are not allowed');
    else if (Array.isArray(value)) {
      if (!value.length) this.fail(path, 'empty arrays are not allowed');
      for (const [i, v] of value.entries()) this.structure(v, `${path}[${i}]`);
    } else if (isObject(value)) {
      if (!Object.keys(value).length) this.fail(path, 'empty objects are not allowed');
      for (const [k, v] of Object.entries(value)) {
        if (k === 'resource' || k === 'contained') continue; // validated as resources of their own
        this.structure(v, `${path}.${k}`);
      }
      if (typeof value.system === 'string' && !ABSOLUTE_URI.test(value.system))
        this.fail(`${path}.system`, 'must be an absolute URI');
      if (value.reference !== undefined && typeof value.reference !== 'string')
        this.fail(`${path}.reference`, 'must be a string');
    }
  }

  reference(value: unknown, path: string, required = true) {
    if (value === undefined) {
      if (required) this.fail(path, 'is required');
      return;
    }
    if (!isObject(value) || (typeof value.reference !== 'string' && typeof value.display !== 'string'))
      this.fail(path, 'must be a Reference with a reference or a display');
  }

  codeableConcept(value: unknown, path: string, required = true) {
    if (value === undefined) {
      if (required) this.fail(path, 'is required');
      return;
    }
    if (!isObject(value) || (!Array.isArray(value.coding) && typeof value.text !== 'string')) {
      this.fail(path, 'must be a CodeableConcept with a coding or a text');
      return;
    }
    asArray(value.coding).forEach((c, i) => {
      if (!isObject(c) || typeof c.code !== 'string') this.fail(`${path}.coding[${i}].code`, 'is required');
    });
  }

  /** A CodeableConcept bound (required) to one HL7 code system's codes. */
  boundConcept(value: unknown, system: string, codes: readonly string[], path: string, required = true) {
    this.codeableConcept(value, path, required);
    if (!isObject(value)) return;
    const matching = asArray(value.coding).filter((c): c is Json => isObject(c) && c.system === system);
    if (!matching.length) this.fail(`${path}.coding`, `needs a coding from ${system}`);
    for (const c of matching) this.oneOf(c.code, codes, `${path}.coding.code`);
  }

  resource(r: unknown, path: string) {
    if (!isObject(r)) return this.fail(path, 'a resource must be a JSON object');
    const type = r.resourceType;
    if (typeof type !== 'string' || !RESOURCE_TYPES.has(type))
      return this.fail(`${path}.resourceType`, `unknown resource type "${String(type)}"`);
    this.structure(r, path);
    this.format(r.id, ID, 'id', `${path}.id`);
    if (isObject(r.meta)) this.format(r.meta.lastUpdated, INSTANT, 'instant', `${path}.meta.lastUpdated`);
    const rules = resourceRules[type];
    if (rules) rules(this, r, path);
  }
}

type Rules = (c: Checker, r: Json, path: string) => void;

const resourceRules: Record<string, Rules> = {
  Patient(c, r, path) {
    c.oneOf(r.gender, valueSets.gender, `${path}.gender`, false);
    c.format(r.birthDate, /^\d{4}(-\d{2}(-\d{2})?)?$/, 'date', `${path}.birthDate`);
  },
  Encounter(c, r, path) {
    c.oneOf(r.status, valueSets.encounterStatus, `${path}.status`);
    if (!isObject(r.class) || typeof r.class.code !== 'string') c.fail(`${path}.class`, 'is required (a Coding)');
    c.reference(r.subject, `${path}.subject`, false);
    if (isObject(r.period)) {
      c.format(r.period.start, DATE_TIME, 'dateTime', `${path}.period.start`);
      c.format(r.period.end, DATE_TIME, 'dateTime', `${path}.period.end`);
      if (typeof r.period.start === 'string' && typeof r.period.end === 'string' && r.period.start > r.period.end)
        c.fail(`${path}.period`, 'start must not be after end (per-1)');
    }
  },
  Condition(c, r, path) {
    c.reference(r.subject, `${path}.subject`);
    c.codeableConcept(r.code, `${path}.code`, false);
    const verification = r.verificationStatus;
    c.boundConcept(
      verification,
      CONDITION_VERIFICATION,
      valueSets.conditionVerification,
      `${path}.verificationStatus`,
      false,
    );
    const enteredInError = asArray(isObject(verification) ? verification.coding : []).some(
      (x) => isObject(x) && x.code === 'entered-in-error',
    );
    if (enteredInError && r.clinicalStatus !== undefined)
      c.fail(`${path}.clinicalStatus`, 'must be absent when entered-in-error (con-5)');
    if (!enteredInError)
      c.boundConcept(r.clinicalStatus, CONDITION_CLINICAL, valueSets.conditionClinical, `${path}.clinicalStatus`);
    c.format(r.recordedDate, DATE_TIME, 'dateTime', `${path}.recordedDate`);
    c.format(r.onsetDateTime, DATE_TIME, 'dateTime', `${path}.onsetDateTime`);
  },
  Observation(c, r, path) {
    c.oneOf(r.status, valueSets.observationStatus, `${path}.status`);
    c.codeableConcept(r.code, `${path}.code`);
    c.reference(r.subject, `${path}.subject`);
    c.format(r.effectiveDateTime, DATE_TIME, 'dateTime', `${path}.effectiveDateTime`);
    c.format(r.issued, INSTANT, 'instant', `${path}.issued`);
    const values = Object.keys(r).filter((k) => /^value[A-Z]/.test(k));
    if (values.length > 1) c.fail(`${path}.value[x]`, `only one value[x] allowed, found ${values.join(', ')}`);
    if (r.valueBoolean !== undefined && typeof r.valueBoolean !== 'boolean')
      c.fail(`${path}.valueBoolean`, 'must be true or false');
    if (values.length && r.dataAbsentReason !== undefined)
      c.fail(`${path}.dataAbsentReason`, 'only when there is no value (obs-6)');
  },
  Bundle(c, r, path) {
    c.oneOf(r.type, valueSets.bundleType, `${path}.type`);
    c.format(r.timestamp, INSTANT, 'instant', `${path}.timestamp`);
    if (r.total !== undefined && r.type !== 'searchset' && r.type !== 'history')
      c.fail(`${path}.total`, 'only for searchset or history (bdl-1)');
    const entries = asArray(r.entry);
    const fullUrls = new Set<string>();
    for (const [i, e] of entries.entries()) {
      const at = `${path}.entry[${i}]`;
      if (!isObject(e)) {
        c.fail(at, 'must be an object');
        continue;
      }
      if (e.search !== undefined && r.type !== 'searchset') c.fail(`${at}.search`, 'only in a searchset (bdl-2)');
      if (typeof e.fullUrl === 'string') {
        if (fullUrls.has(e.fullUrl)) c.fail(`${at}.fullUrl`, 'must be unique (bdl-7)');
        fullUrls.add(e.fullUrl);
        if (!ABSOLUTE_URI.test(e.fullUrl)) c.fail(`${at}.fullUrl`, 'must be an absolute URL or urn:uuid');
        if (
          isObject(e.resource) &&
          !e.fullUrl.startsWith('urn:') &&
          !e.fullUrl.endsWith(`/${e.resource.resourceType}/${e.resource.id}`)
        )
          c.fail(`${at}.fullUrl`, 'must end with the resource type and id');
      } else if (r.type !== 'searchset') c.fail(`${at}.fullUrl`, 'is required for an exchanged resource');
      if (e.resource === undefined) c.fail(`${at}.resource`, 'is required');
      else c.resource(e.resource, `${at}.resource`);
    }
    // A searchset may point outside itself; a collection or document travels as a whole.
    if (r.type !== 'searchset' && r.type !== 'history') checkReferences(c, entries, fullUrls, path);
  },
  CapabilityStatement(c, r, path) {
    c.oneOf(r.status, valueSets.publicationStatus, `${path}.status`);
    c.oneOf(r.kind, valueSets.capabilityKind, `${path}.kind`);
    c.oneOf(r.fhirVersion, FHIR_VERSIONS, `${path}.fhirVersion`);
    c.required(r, 'date', path);
    c.format(r.date, DATE_TIME, 'dateTime', `${path}.date`);
    if (!asArray(r.format).length) c.fail(`${path}.format`, 'is required (at least one)');
    for (const [i, rest] of asArray(r.rest).entries()) {
      for (const [j, res] of asArray(isObject(rest) ? rest.resource : []).entries()) {
        const at = `${path}.rest[${i}].resource[${j}]`;
        if (!isObject(res) || typeof res.type !== 'string' || !RESOURCE_TYPES.has(res.type)) {
          c.fail(`${at}.type`, 'must be a resource type');
          continue;
        }
        for (const [k, x] of asArray(res.interaction).entries())
          c.oneOf(isObject(x) ? x.code : undefined, valueSets.interaction, `${at}.interaction[${k}].code`);
      }
    }
  },
  CodeSystem(c, r, path) {
    c.oneOf(r.status, valueSets.publicationStatus, `${path}.status`);
    c.oneOf(r.content, valueSets.codeSystemContent, `${path}.content`);
    c.format(r.url, ABSOLUTE_URI, 'uri', `${path}.url`);
    c.format(r.date, DATE_TIME, 'dateTime', `${path}.date`);
    const concepts = asArray(r.concept);
    if (r.content === 'complete' && typeof r.count === 'number' && r.count !== concepts.length)
      c.fail(`${path}.count`, `says ${r.count} but ${concepts.length} concepts are listed`);
    const codes = new Set<string>();
    const properties = new Set(asArray(r.property).map((p) => (isObject(p) ? p.code : undefined)));
    for (const [i, concept] of concepts.entries()) {
      const at = `${path}.concept[${i}]`;
      if (!isObject(concept) || typeof concept.code !== 'string') {
        c.fail(`${at}.code`, 'is required');
        continue;
      }
      if (codes.has(concept.code)) c.fail(`${at}.code`, `"${concept.code}" is duplicated (csd-1)`);
      codes.add(concept.code);
      for (const [k, d] of asArray(concept.designation).entries()) {
        if (!isObject(d) || typeof d.value !== 'string') c.fail(`${at}.designation[${k}].value`, 'is required');
        else c.format(d.language, LANGUAGE, 'language code', `${at}.designation[${k}].language`);
      }
      for (const [k, p] of asArray(concept.property).entries()) {
        if (!isObject(p) || !properties.has(p.code))
          c.fail(`${at}.property[${k}].code`, 'must be declared in CodeSystem.property');
      }
    }
  },
  Parameters(c, r, path) {
    const check = (params: unknown[], at: string) => {
      for (const [i, p] of params.entries()) {
        if (!isObject(p) || typeof p.name !== 'string') {
          c.fail(`${at}[${i}].name`, 'is required');
          continue;
        }
        const hasValue = Object.keys(p).some((k) => /^value[A-Z]/.test(k));
        if (hasValue && p.part !== undefined) c.fail(`${at}[${i}]`, 'a value or parts, not both (inv-1)');
        if (p.part !== undefined) check(asArray(p.part), `${at}[${i}].part`);
      }
    };
    check(asArray(r.parameter), `${path}.parameter`);
  },
  OperationOutcome(c, r, path) {
    const issues = asArray(r.issue);
    if (!issues.length) c.fail(`${path}.issue`, 'is required (at least one)');
    issues.forEach((issue, i) => {
      const x = isObject(issue) ? issue : {};
      c.oneOf(x.severity, valueSets.issueSeverity, `${path}.issue[${i}].severity`);
      c.oneOf(x.code, valueSets.issueType, `${path}.issue[${i}].code`);
    });
  },
};

/** Every reference inside a collection resolves to an entry: relative ones against the entry's base. */
function checkReferences(c: Checker, entries: unknown[], fullUrls: Set<string>, path: string) {
  entries.forEach((e, i) => {
    if (!isObject(e) || typeof e.fullUrl !== 'string') return;
    const base = e.fullUrl.replace(/[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/, '');
    const walk = (value: unknown, at: string): void => {
      if (Array.isArray(value)) {
        for (const [k, v] of value.entries()) walk(v, `${at}[${k}]`);
        return;
      }
      if (!isObject(value)) return;
      for (const [k, v] of Object.entries(value)) {
        if (k === 'reference' && typeof v === 'string') {
          if (v.startsWith('#')) continue; // a contained resource
          const match = RELATIVE_REFERENCE.exec(v);
          const target = match ? `${base}${match[1]}/${match[2]}` : v;
          if (!fullUrls.has(target)) c.fail(`${at}.reference`, `"${v}" does not resolve inside the Bundle`);
        } else walk(v, `${at}.${k}`);
      }
    };
    walk(e.resource, `${path}.entry[${i}].resource`);
  });
}

/** The problems of one resource (Bundles are checked with their entries); `[]` when valid. */
export function validateFhir(resource: unknown): FhirIssue[] {
  const checker = new Checker();
  checker.resource(resource, isObject(resource) ? String(resource.resourceType) : '(resource)');
  return checker.issues;
}
