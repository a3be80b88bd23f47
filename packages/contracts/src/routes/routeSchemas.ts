// The schemas of every route in routes.ts, under the same names: what the API validates and documents, and what
// types the web app's calls. The compiler refuses a missing or extra name and params that differ from the path.
import { z } from 'zod';
import { ApiClientCreate, ApiClientView } from '../apiClients.ts';
import {
  ApiKeyCreate,
  ApiKeyCreated,
  ApiKeyView,
  LoginRequest,
  LoginResponse,
  MeResponse,
  ModelInfo,
  PasswordChangeRequest,
  SessionResponse,
  TotpConfirmRequest,
  TotpEnrolment,
  TotpRecoveryCodes,
  TotpStatus,
  UserAdminView,
  UserCreate,
  UserUpdate,
} from '../auth.ts';
import { CodeParam, IdParam, ListQuery, pageOf } from '../common.ts';
import {
  DiagnosisRequest,
  DiagnosisView,
  EncounterCreate,
  EncounterUpdate,
  EncounterView,
  VisitListItem,
} from '../encounters.ts';
import { Analysis, DiagnoseRequest, ParseRequest, ParseResponse, VisitSafety } from '../engine.ts';
import {
  DiseaseDetail,
  DiseaseListQuery,
  DiseaseSummary,
  FormulationDetail,
  FormulationListQuery,
  FormulationSummary,
  KnowledgeSearchQuery,
  KnowledgeSearchResult,
  SingleDrugDetail,
  SingleDrugListQuery,
  SingleDrugSummary,
  SourceList,
  SymptomDetail,
  SymptomListQuery,
  SymptomSummary,
  UrduNames,
} from '../knowledge.ts';
import { MizajAssessmentCreate, MizajAssessmentView } from '../mizajAssessments.ts';
import { PatientCreate, PatientListQuery, PatientUpdate, PatientView } from '../patients.ts';
import {
  NoteCreate,
  NoteCreated,
  NoteList,
  NoteRevoked,
  PlanCheckView,
  PlanRequest,
  PlanView,
  SharedNote,
  TokenParam,
} from '../plans.ts';
import { ResearchCase, ResearchFilter, ResearchStatistics } from '../research.ts';
import { type PathParams, routes } from './routes.ts';

/** What a route takes and answers; `status` is its success code (200 when not named). */
export interface RouteSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  status?: 200 | 201 | 202 | 204;
  response: z.ZodType;
  /** Set for a route that answers something other than JSON. */
  contentType?: 'text/csv';
}

type ParamsMismatch<P extends string> = { params: `must be a schema of exactly the path's parameters: ${P}` };

/** A route's schemas, or the reason its params do not fit its path. */
type FitsPath<Path extends string, S> = [PathParams<Path>] extends [never]
  ? S extends { params: z.ZodType }
    ? { params: 'must be absent: the path has no parameters' }
    : S
  : S extends { params: infer Q extends z.ZodType }
    ? [keyof z.output<Q>, PathParams<Path>] extends [PathParams<Path>, keyof z.output<Q>]
      ? S
      : ParamsMismatch<PathParams<Path>>
    : ParamsMismatch<PathParams<Path>>;

/** Checks at compile time that `schemas` names each route of `table` once and fits its path. */
export function defineRouteSchemas<
  T extends Record<string, { path: string }>,
  const S extends { [K in keyof T]?: RouteSchemas },
>(_table: T, schemas: S & { [K in keyof T]: FitsPath<T[K]['path'], S[K]> } & Record<Exclude<keyof S, keyof T>, never>) {
  return schemas as S;
}

/** A 204 answer: no body. */
const NoContent = z.null();

export const routeSchemas = defineRouteSchemas(routes, {
  login: { body: LoginRequest, response: LoginResponse },
  logout: { status: 204, response: NoContent },
  me: { response: MeResponse },
  session: { response: SessionResponse },
  changePassword: { body: PasswordChangeRequest, status: 204, response: NoContent },
  totpStatus: { response: TotpStatus },
  startTotp: { response: TotpEnrolment },
  confirmTotp: { body: TotpConfirmRequest, response: TotpRecoveryCodes },

  listPatients: { query: ListQuery.extend(PatientListQuery.shape), response: pageOf(PatientView) },
  createPatient: { body: PatientCreate, status: 201, response: PatientView },
  getPatient: { params: IdParam, response: PatientView },
  updatePatient: { params: IdParam, body: PatientUpdate, response: PatientView },
  deletePatient: { params: IdParam, status: 204, response: NoContent },
  listMizajAssessments: { params: IdParam, query: ListQuery, response: pageOf(MizajAssessmentView) },
  createMizajAssessment: {
    params: IdParam,
    body: MizajAssessmentCreate,
    status: 201,
    response: MizajAssessmentView,
  },

  listVisits: { params: IdParam, query: ListQuery, response: pageOf(VisitListItem) },
  createVisit: { params: IdParam, body: EncounterCreate, status: 201, response: EncounterView },
  getVisit: { params: IdParam, response: EncounterView },
  updateVisit: { params: IdParam, body: EncounterUpdate, response: EncounterView },
  analyseVisit: { params: IdParam, response: Analysis },
  getAnalysis: { params: IdParam, response: Analysis },
  getVisitSafety: { params: IdParam, response: VisitSafety },
  confirmDiagnosis: { params: IdParam, body: DiagnosisRequest, status: 201, response: DiagnosisView },

  getPlan: { params: IdParam, response: PlanView },
  savePlan: { params: IdParam, body: PlanRequest, status: 201, response: PlanView },
  checkPlan: { params: IdParam, body: PlanRequest, response: PlanCheckView },

  createNote: { params: IdParam, body: NoteCreate, status: 201, response: NoteCreated },
  listNotes: { params: IdParam, response: NoteList },
  revokeNote: { params: IdParam, response: NoteRevoked },
  getSharedNote: { params: TokenParam, response: SharedNote },

  listDiseases: { query: DiseaseListQuery, response: pageOf(DiseaseSummary) },
  getDisease: { params: CodeParam, response: DiseaseDetail },
  listSymptoms: { query: SymptomListQuery, response: pageOf(SymptomSummary) },
  getSymptom: { params: CodeParam, response: SymptomDetail },
  listSingleDrugs: { query: SingleDrugListQuery, response: pageOf(SingleDrugSummary) },
  getSingleDrug: { params: CodeParam, response: SingleDrugDetail },
  listFormulations: { query: FormulationListQuery, response: pageOf(FormulationSummary) },
  getFormulation: { params: CodeParam, response: FormulationDetail },
  listSources: { response: SourceList },
  searchKnowledge: { query: KnowledgeSearchQuery, response: KnowledgeSearchResult },
  urduNames: { response: UrduNames },

  parse: { body: ParseRequest, response: ParseResponse },
  diagnose: { body: DiagnoseRequest, response: Analysis },

  listUsers: { query: ListQuery, response: pageOf(UserAdminView) },
  createUser: { body: UserCreate, status: 201, response: UserAdminView },
  updateUser: { params: IdParam, body: UserUpdate, response: UserAdminView },
  listApiKeys: { query: ListQuery, response: pageOf(ApiKeyView) },
  createApiKey: { body: ApiKeyCreate, status: 201, response: ApiKeyCreated },
  revokeApiKey: { params: IdParam, response: ApiKeyView },
  listApiClients: { query: ListQuery, response: pageOf(ApiClientView) },
  createApiClient: { body: ApiClientCreate, status: 201, response: ApiClientView },
  revokeApiClient: { params: IdParam, response: ApiClientView },
  getModel: { response: ModelInfo },
  retrainModel: { status: 202, response: ModelInfo },

  researchCases: { query: ResearchFilter, response: pageOf(ResearchCase) },
  researchStatistics: { query: ResearchFilter, response: ResearchStatistics },
  researchCasesCsv: {
    query: ResearchFilter,
    response: z.string().describe('CSV with a header line'),
    contentType: 'text/csv',
  },
});

export type RouteSchemaTable = typeof routeSchemas;
