// Every route of /api/v1 by name: its method and path template. Plain data without zod, so the web app can
// import it on every page; the schemas of each route sit under the same name in routeSchemas.ts.

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One route of the API: `name` keys its schemas, `path` names its parameters as `:name`. */
export interface Endpoint<N extends string = string, M extends Method = Method, P extends string = string> {
  readonly name: N;
  readonly method: M;
  readonly path: P;
}

/** The `:parameters` of a path template, e.g. `'id'` for `/api/v1/patients/:id`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

const get = <P extends string>(path: P) => ({ method: 'GET', path }) as const;
const post = <P extends string>(path: P) => ({ method: 'POST', path }) as const;
const patch = <P extends string>(path: P) => ({ method: 'PATCH', path }) as const;
const del = <P extends string>(path: P) => ({ method: 'DELETE', path }) as const;

function named<T extends Record<string, { method: Method; path: string }>>(table: T) {
  const entries = Object.entries(table).map(([name, route]) => [name, { name, ...route }]);
  return Object.fromEntries(entries) as { [K in keyof T & string]: Endpoint<K, T[K]['method'], T[K]['path']> };
}

export const routes = named({
  login: post('/api/v1/auth/login'),
  logout: post('/api/v1/auth/logout'),
  me: get('/api/v1/auth/me'),
  session: get('/api/v1/auth/session'),
  changePassword: post('/api/v1/auth/password'),
  totpStatus: get('/api/v1/auth/totp'),
  startTotp: post('/api/v1/auth/totp/enrol'),
  confirmTotp: post('/api/v1/auth/totp/confirm'),

  listPatients: get('/api/v1/patients'),
  createPatient: post('/api/v1/patients'),
  getPatient: get('/api/v1/patients/:id'),
  updatePatient: patch('/api/v1/patients/:id'),
  deletePatient: del('/api/v1/patients/:id'),
  listMizajAssessments: get('/api/v1/patients/:id/mizaj-assessments'),
  createMizajAssessment: post('/api/v1/patients/:id/mizaj-assessments'),

  listVisits: get('/api/v1/patients/:id/encounters'),
  createVisit: post('/api/v1/patients/:id/encounters'),
  getVisit: get('/api/v1/encounters/:id'),
  updateVisit: patch('/api/v1/encounters/:id'),
  analyseVisit: post('/api/v1/encounters/:id/analyse'),
  getAnalysis: get('/api/v1/encounters/:id/analysis'),
  getVisitSafety: get('/api/v1/encounters/:id/safety'),
  confirmDiagnosis: post('/api/v1/encounters/:id/diagnosis'),

  getPlan: get('/api/v1/encounters/:id/plan'),
  savePlan: post('/api/v1/encounters/:id/plan'),
  checkPlan: post('/api/v1/encounters/:id/plan/check'),

  createNote: post('/api/v1/encounters/:id/notes'),
  listNotes: get('/api/v1/encounters/:id/notes'),
  revokeNote: post('/api/v1/notes/:id/revoke'),
  getSharedNote: get('/api/v1/shared-notes/:token'),

  listDiseases: get('/api/v1/diseases'),
  getDisease: get('/api/v1/diseases/:code'),
  listSymptoms: get('/api/v1/symptoms'),
  getSymptom: get('/api/v1/symptoms/:code'),
  listSingleDrugs: get('/api/v1/single-drugs'),
  getSingleDrug: get('/api/v1/single-drugs/:code'),
  listFormulations: get('/api/v1/formulations'),
  getFormulation: get('/api/v1/formulations/:code'),
  listSources: get('/api/v1/sources'),
  searchKnowledge: get('/api/v1/search'),
  urduNames: get('/api/v1/urdu-names'),

  parse: post('/api/v1/parse'),
  diagnose: post('/api/v1/diagnose'),

  listUsers: get('/api/v1/admin/users'),
  createUser: post('/api/v1/admin/users'),
  updateUser: patch('/api/v1/admin/users/:id'),
  listApiKeys: get('/api/v1/admin/api-keys'),
  createApiKey: post('/api/v1/admin/api-keys'),
  revokeApiKey: post('/api/v1/admin/api-keys/:id/revoke'),
  listApiClients: get('/api/v1/admin/clients'),
  createApiClient: post('/api/v1/admin/clients'),
  revokeApiClient: post('/api/v1/admin/clients/:id/revoke'),
  getModel: get('/api/v1/admin/model'),
  retrainModel: post('/api/v1/admin/model/retrain'),

  researchCases: get('/api/v1/research/cases'),
  researchStatistics: get('/api/v1/research/statistics'),
  /** CSV, not JSON: the web links to it for download rather than fetching it. */
  researchCasesCsv: get('/api/v1/research/cases.csv'),
});

export type Routes = typeof routes;
export type RouteName = keyof Routes;
/** Any route of the table (not a look-alike object with another path). */
export type AnyRoute = Routes[RouteName];

type QueryValue = string | number | boolean | undefined;

/** The route's path with its parameters filled in (each encoded) and the query appended (undefined values left out). */
export function urlOf<P extends string>(
  route: Endpoint<string, Method, P>,
  request: { params?: Record<PathParams<P>, string>; query?: Record<string, QueryValue> } = {},
): string {
  const params: Record<string, string> = request.params ?? {};
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.name} needs the path parameter "${name}".`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {}))
    if (value !== undefined) query.append(key, String(value));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
