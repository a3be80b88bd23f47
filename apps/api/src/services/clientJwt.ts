// The one check of a JWT signed by a registered client, for SMART backend services' client assertions and for CDS
// Hooks requests alike: the client named by `iss` is registered and active, the signature verifies with a key of
// its registered JWK Set (never a key the token points to), `aud` is the URL it was sent to, it expires within
// five minutes, and its `jti` was never used before (kept until the JWT expires).
import { clientSigningAlgorithms } from '@unani/contracts';
import { createLocalJWKSet, decodeJwt, type JSONWebKeySet, errors as joseErrors, jwtVerify } from 'jose';
import { isDuplicate } from '../db/databaseErrors.ts';
import type { DbTx } from '../db/prisma.ts';
import { type ActiveClient, findActiveClient } from './apiClientService.ts';

/** SMART backend services: an assertion expires no more than five minutes after it is presented. */
export const MAX_JWT_LIFETIME_S = 5 * 60;
/** Clocks of client and server may differ this much. */
const CLOCK_TOLERANCE_S = 30;

/** Why a JWT was refused, in words a client's developer can act on. */
export class ClientJwtError extends Error {
  override name = 'ClientJwtError';
}

export interface ClientJwtCheck {
  /** The URL the JWT must name in `aud`: the token endpoint, or the CDS service called. */
  audience: string;
  /** SMART asks `sub` = `iss` = client_id; CDS Hooks leaves `sub` out. */
  subjectIsIssuer: boolean;
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The JWT has expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `The JWT's "${error.claim}" claim is wrong: ${error.reason}.`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'The JWT’s signature does not verify.';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'No registered key of the client matches the JWT.';
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return `The JWT must be signed with ${clientSigningAlgorithms.join(' or ')}.`;
  return 'The JWT is malformed.';
}

/** The client that signed `jwt`; throws ClientJwtError saying why not. Records the jti, so a second use fails. */
export async function verifyClientJwt(db: DbTx, jwt: string, check: ClientJwtCheck): Promise<ActiveClient> {
  let issuer: unknown;
  try {
    issuer = decodeJwt(jwt).iss;
  } catch {
    throw new ClientJwtError('The JWT is malformed.');
  }
  if (typeof issuer !== 'string' || !issuer) throw new ClientJwtError('The JWT names no issuer ("iss").');
  const client = await findActiveClient(db, issuer);
  if (!client) throw new ClientJwtError(`No active client is registered as "${issuer}".`);
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload } = await jwtVerify(jwt, createLocalJWKSet(client.jwks as JSONWebKeySet), {
      issuer,
      audience: check.audience,
      algorithms: [...clientSigningAlgorithms],
      requiredClaims: ['exp', 'jti'],
      clockTolerance: CLOCK_TOLERANCE_S,
      ...(check.subjectIsIssuer ? { subject: issuer } : {}),
    }));
  } catch (error) {
    throw new ClientJwtError(describe(error));
  }
  const now = Date.now();
  const expiresAt = (payload.exp as number) * 1000;
  if (expiresAt - now > (MAX_JWT_LIFETIME_S + CLOCK_TOLERANCE_S) * 1000) {
    throw new ClientJwtError(`The JWT must expire within ${MAX_JWT_LIFETIME_S / 60} minutes.`);
  }
  const jti = String(payload.jti);
  if (jti.length > 191) throw new ClientJwtError('The JWT’s "jti" is longer than 191 characters.');
  // Kept past the expiry by the clock tolerance, when a late copy could still verify.
  await db.clientAssertion.deleteMany({ where: { expiresAt: { lt: new Date(now - CLOCK_TOLERANCE_S * 1000) } } });
  try {
    await db.clientAssertion.create({
      data: { clientId: client.id, jti, expiresAt: new Date(expiresAt + CLOCK_TOLERANCE_S * 1000) },
    });
  } catch (error) {
    if (isDuplicate(error)) throw new ClientJwtError('This JWT was already used: sign a new one with a new "jti".');
    throw error;
  }
  return client;
}
