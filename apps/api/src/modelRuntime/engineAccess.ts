// The loaded engine, or a 503 while it is not (yet) available.
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../plugins/errors.ts';
import type { ClinicalEngine } from './clinicalEngine.ts';

declare module 'fastify' {
  interface FastifyInstance {
    engine?: ClinicalEngine;
  }
}

export function requireEngine(app: FastifyInstance): ClinicalEngine {
  if (!app.engine)
    throw new HttpProblem(503, 'Service Unavailable', 'The diagnostic engine is not loaded yet; try again shortly.');
  return app.engine;
}
