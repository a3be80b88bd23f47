// FHIR R4 (JSON) under /fhir: the terminology (CodeSystem, ValueSet, ConceptMap, StructureDefinition) for anyone, a practitioner's own records (read and searched) for them.
// Every answer is application/fhir+json, errors included (OperationOutcome).
import type { FastifyPluginAsync } from 'fastify';
import { FHIR_JSON } from '../../services/fhir/resources.ts';
import { clinicalRoutes } from './clinical.ts';
import { conceptMapRoutes } from './conceptMapRoutes.ts';
import { registerFormBody } from './formBody.ts';
import { registerFhirJsonBody } from './operationInput.ts';
import { fhirErrorHandler, sendFhirNotFound } from './outcomeErrors.ts';
import { registerReadValidators } from './readValidators.ts';
import { searchRoutes } from './search.ts';
import { smartRoutes } from './smart.ts';
import { terminologyRoutes } from './terminology.ts';
import { valueSetRoutes } from './valueSetRoutes.ts';

export const fhirRoutes: FastifyPluginAsync = async (app) => {
  await app.register(
    async (fhir) => {
      fhir.setErrorHandler(fhirErrorHandler);
      fhir.setNotFoundHandler(sendFhirNotFound);
      fhir.addHook('onRequest', async (_req, reply) => {
        reply.type(FHIR_JSON);
      });
      // …and the OpenAPI document says so of every answer of every route here (openapiDocument.ts reads `produces`),
      // except the OAuth routes of SMART, which answer plain JSON as OAuth says and declare so.
      fhir.addHook('onRoute', (route) => {
        route.schema = { ...route.schema, produces: route.schema?.produces ?? [FHIR_JSON] };
      });
      registerReadValidators(fhir);
      registerFormBody(fhir);
      registerFhirJsonBody(fhir);
      await fhir.register(terminologyRoutes);
      await fhir.register(valueSetRoutes);
      await fhir.register(conceptMapRoutes);
      await fhir.register(clinicalRoutes);
      await fhir.register(searchRoutes);
      await fhir.register(smartRoutes);
    },
    { prefix: '/fhir' },
  );
};
