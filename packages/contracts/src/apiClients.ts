// FHIR backend-services and CDS Hooks clients registered by an admin: who they are (client_id), the public keys
// that verify the JWTs they sign, the account they act for and what they may be granted.
import { z } from 'zod';
import type { ApiKeyScope } from './auth.ts';

/**
 * What a client may be granted, each standing for the right of an API-key scope; the right still needs the owner's
 * current role (decision 0017). `system/*.read`: SMART backend services reading the owner's records through /fhir;
 * `cds-hooks`: calling the CDS Hooks services with a signed JWT.
 */
export const clientScopeRights = { 'system/*.read': 'fhir:read', 'cds-hooks': 'engine:use' } as const satisfies Record<
  string,
  ApiKeyScope
>;
export const clientScopes = Object.keys(clientScopeRights) as (keyof typeof clientScopeRights)[];
export const ClientScope = z.enum(
  clientScopes as [keyof typeof clientScopeRights, ...(keyof typeof clientScopeRights)[]],
);
export type ClientScope = z.infer<typeof ClientScope>;

/** The signature algorithms a client may sign with (SMART App Launch 2: RS384 and ES384). */
export const clientSigningAlgorithms = ['RS384', 'ES384'] as const;

/** One public key of a JWK Set; the server refuses private keys and keys of other types. */
const PublicJwk = z.looseObject({
  kty: z.enum(['RSA', 'EC']),
  kid: z.string().min(1).max(191).optional(),
  alg: z.enum(clientSigningAlgorithms).optional(),
});

export const ClientJwks = z.object({ keys: z.array(PublicJwk).min(1).max(10) });
export type ClientJwks = z.infer<typeof ClientJwks>;

export const ApiClientCreate = z.object({
  /** The `iss` of the client's JWTs: a URL or any identifier agreed with the client. */
  clientId: z
    .string()
    .trim()
    .min(1)
    .max(191)
    .regex(/^[\x21-\x7e]+$/, 'printable characters without spaces'),
  name: z.string().trim().min(1).max(191),
  jwks: ClientJwks,
  /** The account whose role and records bound the client: a practitioner for `system/*.read`. */
  ownerId: z.string().min(1).max(64),
  scopes: z.array(ClientScope).min(1),
});
export type ApiClientCreate = z.infer<typeof ApiClientCreate>;

export const ApiClientView = z
  .object({
    id: z.string(),
    clientId: z.string(),
    name: z.string(),
    ownerId: z.string(),
    scopes: z.array(ClientScope),
    /** The key ids of its JWK Set (null for a key without one). */
    keyIds: z.array(z.string().nullable()),
    createdAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiClient' });
export type ApiClientView = z.infer<typeof ApiClientView>;
