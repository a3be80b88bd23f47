// `cdss client add --client-id ID --owner EMAIL --scopes "system/*.read cds-hooks" [--name N] [--jwks FILE]`
// (the public JWK Set from FILE or standard input), `cdss client list`, `cdss client revoke <client-id>`:
// FHIR backend-services and CDS Hooks clients (decision 0022).
import { readFile } from 'node:fs/promises';
import { ApiClientCreate } from '@unani/contracts';
import type { CredentialChanges } from '../auth/credentialChanges.ts';
import { listApiClients, registerApiClient, revokeApiClient } from '../services/apiClientService.ts';
import { DomainError } from '../services/domainErrors.ts';
import { type Command, parseOptions, printJson, readStdin, UsageError } from './command.ts';
import { withDb } from './context.ts';

/** As for other changes made outside a server: servers trust a cached token for at most 5 s more (decision 0011). */
const noCache: CredentialChanges = { changed: () => undefined, propagation: () => 'in-process', close: async () => {} };

async function readJwks(path: string | undefined): Promise<unknown> {
  let text: string;
  if (path) text = await readFile(path, 'utf8');
  else text = await readStdin('The client’s public JWK Set (JSON), then end of input:\n');
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError('The JWK Set is not JSON: give {"keys": [ … public keys … ]}.');
  }
}

function usageOf(error: unknown): never {
  if (error instanceof DomainError) {
    const fields = error.fields?.map((f) => `${f.field.replace(/^body\./, '')}: ${f.message}`);
    throw new UsageError([error.message, ...(fields ?? [])].join('; '));
  }
  throw error;
}

export const clientCommands: Record<string, Command> = {
  'client add': {
    summary: 'register a FHIR backend-services or CDS Hooks client; its public JWK Set from --jwks or standard input',
    async run(args) {
      const { values } = parseOptions(args, {
        'client-id': { type: 'string' },
        owner: { type: 'string' },
        scopes: { type: 'string' },
        name: { type: 'string' },
        jwks: { type: 'string' },
      });
      if (!values['client-id'] || !values.owner || !values.scopes) {
        throw new UsageError(
          'client add needs --client-id, --owner (an email) and --scopes ("system/*.read cds-hooks")',
        );
      }
      const jwks = await readJwks(values.jwks);
      const client = await withDb(async (db) => {
        const owner = await db.user.findUnique({ where: { email: values.owner?.toLowerCase() }, select: { id: true } });
        if (!owner) throw new UsageError(`No account has the email ${values.owner}.`);
        const input = ApiClientCreate.parse({
          clientId: values['client-id'],
          name: values.name ?? values['client-id'],
          jwks,
          ownerId: owner.id,
          scopes: values.scopes?.split(/[\s,]+/).filter(Boolean),
        });
        return registerApiClient(db, input).catch(usageOf);
      });
      printJson({ client });
    },
  },
  'client list': {
    summary: 'list the registered FHIR and CDS Hooks clients',
    async run() {
      printJson(await withDb((db) => listApiClients(db, { limit: 100 })));
    },
  },
  'client revoke': {
    summary: 'revoke a client (by its client_id) and its tokens',
    async run(args) {
      const { positionals } = parseOptions(args, {});
      const clientId = positionals[0];
      if (!clientId) throw new UsageError('client revoke needs the client_id');
      const client = await withDb(async (db) => {
        const row = await db.apiClient.findUnique({ where: { clientId }, select: { id: true } });
        if (!row) throw new UsageError(`No client is registered as "${clientId}".`);
        return revokeApiClient(db, noCache, row.id);
      });
      printJson({ client });
    },
  },
};
