// Where this server answers, as seen by the caller: the base of fullUrls and the searchset self link.
import type { FastifyRequest } from 'fastify';

export const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
export const fhirBase = (req: FastifyRequest) => `${origin(req)}/fhir`;
export const requestUrl = (req: FastifyRequest) => `${origin(req)}${req.url}`;
