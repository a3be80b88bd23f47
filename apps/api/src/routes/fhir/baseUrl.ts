// Where this server answers: the base of fullUrls and the searchset self link (PUBLIC_URL when configured).
import type { FastifyRequest } from 'fastify';

export const origin = (req: FastifyRequest) => req.publicOrigin;
export const fhirBase = (req: FastifyRequest) => `${origin(req)}/fhir`;
export const requestUrl = (req: FastifyRequest) => `${origin(req)}${req.url}`;
