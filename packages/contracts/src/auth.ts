// Sign-in, the current account, and account administration.
import { z } from 'zod';
import { Role } from './vocabulary.ts';

export const LoginRequest = z.object({
  email: z.email().max(191),
  password: z.string().min(1).max(1024),
  /** The authenticator app's 6-digit code, or a recovery code, for an account with a second factor. */
  code: z.string().trim().min(1).max(32).optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const UserView = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof UserView>;

export const LoginResponse = z.object({ user: UserView, csrfToken: z.string() });
export type LoginResponse = z.infer<typeof LoginResponse>;

export { SECOND_FACTOR_REQUIRED } from './problems.ts';

export const MeResponse = z.object({
  user: UserView,
  csrfToken: z.string().optional(),
  /** True for an admin without a second factor: nothing but setting one up is open until it is done. */
  mustEnrolTotp: z.boolean().optional(),
  /** The password was generated at first start: change it before anything else. */
  mustChangePassword: z.boolean().optional(),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** Whether this browser is signed in: answered 200 either way, so a signed-out page logs no error. */
export const SessionResponse = z.object({
  signedIn: z.boolean(),
  user: UserView.optional(),
  csrfToken: z.string().optional(),
  mustEnrolTotp: z.boolean().optional(),
  /** The password was generated at first start: change it before anything else. */
  mustChangePassword: z.boolean().optional(),
});

/** Changing one's own password; the policy (length, common passwords) is checked on the server. */
export const PasswordChangeRequest = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(12).max(1024),
});
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;

/** A second factor being set up: the secret for an authenticator app, as text and as an otpauth:// URI. */
export const TotpEnrolment = z.object({ secret: z.string(), otpauthUri: z.string() });
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const TotpConfirmRequest = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});
export type TotpConfirmRequest = z.infer<typeof TotpConfirmRequest>;

/** Shown once, when the second factor is turned on; each stands in for one code. */
export const TotpRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type TotpRecoveryCodes = z.infer<typeof TotpRecoveryCodes>;

export const TotpStatus = z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number().int() });
export type TotpStatus = z.infer<typeof TotpStatus>;
export type SessionResponse = z.infer<typeof SessionResponse>;

export const UserCreate = z.object({
  email: z.email().max(191),
  name: z.string().trim().min(1).max(191),
  role: Role,
  password: z.string().min(12).max(1024),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z
  .object({
    name: z.string().trim().min(1).max(191),
    role: Role,
    disabled: z.boolean(),
    password: z.string().min(12).max(1024),
  })
  .partial();
export type UserUpdate = z.infer<typeof UserUpdate>;

export const UserAdminView = UserView.extend({
  disabled: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
}).meta({ id: 'UserAdmin' });
export type UserAdminView = z.infer<typeof UserAdminView>;

export const apiKeyScopes = ['knowledge:read', 'engine:use', 'research:read', 'fhir:read'] as const;
export const ApiKeyScope = z.enum(apiKeyScopes);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

/**
 * The roles whose accounts may hold each scope. A key never does more than its owner's current role allows:
 * issuing a scope the role lacks is refused, and a scope the owner's role has lost stops working.
 */
export const apiKeyScopeRoles: Record<ApiKeyScope, readonly Role[]> = {
  'knowledge:read': ['admin', 'practitioner', 'researcher'],
  'engine:use': ['admin', 'practitioner', 'researcher'],
  'research:read': ['admin', 'researcher'],
  /** Reads the owner's own patients through /fhir: only practitioners have patients. */
  'fhir:read': ['practitioner'],
};

export function scopesOfRole(role: Role): ApiKeyScope[] {
  return apiKeyScopes.filter((scope) => apiKeyScopeRoles[scope].includes(role));
}

/** A key expires a year after it is issued unless asked otherwise; never later than two years. */
export const API_KEY_DEFAULT_DAYS = 365;
export const API_KEY_MAX_DAYS = 730;

export const ApiKeyCreate = z.object({
  name: z.string().trim().min(1).max(191),
  scopes: z.array(ApiKeyScope).min(1),
  /** Days until the key stops working (default 365). */
  expiresInDays: z.number().int().min(1).max(API_KEY_MAX_DAYS).optional(),
  /** Admins may issue a key for another account (e.g. a researcher). */
  ownerId: z.string().min(1).max(64).optional(),
});
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>;

export const ApiKeyView = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(ApiKeyScope),
    ownerId: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKeyView = z.infer<typeof ApiKeyView>;

/** The secret is returned once, at creation, and never again. */
export const ApiKeyCreated = ApiKeyView.extend({ key: z.string() });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

const GateScore = z.object({ version: z.string(), n: z.number(), top1: z.number(), top3: z.number() });

/** What the activation gate measured: the candidate and the active model on the same evaluation set. */
export const ModelEvaluation = z
  .object({
    evaluationSet: z.string(),
    tolerance: z.number(),
    candidate: GateScore,
    current: GateScore.nullable(),
    accepted: z.boolean(),
  })
  .meta({ id: 'ModelEvaluation' });
export type ModelEvaluation = z.infer<typeof ModelEvaluation>;

export const trainingJobStatuses = ['queued', 'running', 'done', 'failed', 'rejected'] as const;

export const ModelInfo = z
  .object({
    current: z
      .object({
        version: z.string(),
        backend: z.string(),
        knowledgeHash: z.string(),
        createdAt: z.iso.datetime(),
        metrics: z.record(z.string(), z.unknown()),
      })
      .nullable(),
    training: z.object({
      /** `training` while the newest job is queued or running; `rejected` when the gate kept the current model. */
      status: z.enum(['idle', 'training', 'done', 'failed', 'rejected', 'unavailable']),
      jobId: z.string().optional(),
      jobStatus: z.enum(trainingJobStatuses).optional(),
      stage: z.string().optional(),
      done: z.number().optional(),
      total: z.number().optional(),
      requestedAt: z.string().optional(),
      startedAt: z.string().optional(),
      finishedAt: z.string().optional(),
      confirmedCases: z.number().optional(),
      version: z.string().optional(),
      error: z.string().optional(),
      evaluation: ModelEvaluation.optional(),
    }),
  })
  .meta({ id: 'ModelInfo' });
export type ModelInfo = z.infer<typeof ModelInfo>;
