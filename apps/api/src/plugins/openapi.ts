// The OpenAPI 3.1 document, generated from the zod schemas of every route, and its interactive reference. Each
// operation's id, security, media types and derived answers come from the route itself (openapiDocument.ts), so a
// new route is documented as it behaves without anything written for it here.
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import {
  describedSchema,
  describeEmptyAnswers,
  finishOperations,
  securitySchemes,
  withoutUnusedSchemas,
} from './openapiDocument.ts';

/** Where the document is served. */
const OPENAPI_PATH = '/api/openapi.json';

export async function registerOpenApi(app: FastifyInstance, publicUrl?: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Unani CDSS API',
        version: '1.0.0',
        description:
          'Clinical decision support for Unani medicine. Every engine output is advisory and never replaces the practitioner’s judgement.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      // PUBLIC_URL when configured (production requires it): a saved copy of the document, or a client generated
      // from it, then still calls this server, behind a proxy's path prefix too, which a relative `/` would drop
      // (paths keep their full /api/v1, /fhir… form: stripBasePath is off). Without it (development, tests) the
      // server sits at the root of whatever origin the document was fetched from: `/`.
      servers: [{ url: publicUrl?.replace(/\/+$/, '') || '/' }],
      // No document-wide `security`: every operation states its own, from its access rule.
      components: { securitySchemes: securitySchemes(app.sessionCookie.name) },
    },
    stripBasePath: false,
    transform: ({ schema, url, route, ...document }) => {
      if (!schema || schema.hide) return jsonSchemaTransform({ schema, url, route, ...document });
      const described = jsonSchemaTransform({ schema: describedSchema(schema, route), url, route, ...document });
      return { ...described, schema: describeEmptyAnswers(schema, described.schema) };
    },
    transformObject: (document) => {
      const doc = jsonSchemaTransformObject(document);
      finishOperations(doc);
      return withoutUnusedSchemas(doc);
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
}
