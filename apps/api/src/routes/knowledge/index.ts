// The knowledge base, read-only and public: diseases, symptoms, single drugs, formulations, sources, and
// one search across them. Anyone may read it (an API key with `knowledge:read` works like any caller).
import { Problem, routeTable } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cachedUntilKnowledgeChanges } from '../../services/knowledgeDetailCache.ts';
import { createKnowledgeSearch } from '../../services/knowledgeSearch.ts';
import { getDisease, getFormulation, getSingleDrug, getSymptom, urduNames } from '../../services/knowledgeService.ts';
import { listSources } from '../../services/knowledgeSources.ts';
import { routeOf } from '../routeOf.ts';

const config = { access: { public: true } } as const;
const tags = ['knowledge'];
const errors = { 400: Problem, 404: Problem };

export const knowledgeRoutes: FastifyPluginAsyncZod = async (app) => {
  const search = createKnowledgeSearch(app.db);
  const cached = <T>(load: (db: typeof app.db, code: string) => Promise<T>) =>
    cachedUntilKnowledgeChanges(search.version, (code) => load(app.db, code));
  const disease = cached(getDisease);
  const symptom = cached(getSymptom);
  const singleDrug = cached(getSingleDrug);
  const formulation = cached(getFormulation);

  app.route({
    ...routeOf(routeTable.listDiseases, {
      tags,
      summary: 'Diseases by name; `q` matches Unani, English and Urdu names and synonyms, ignoring case and accents',
      errors,
    }),
    config,
    handler: (req) => search.diseases(req.query),
  });

  app.route({
    ...routeOf(routeTable.getDisease, {
      tags,
      summary: 'One disease: symptoms with likelihoods, treatment protocol and sources',
      errors,
    }),
    config,
    handler: (req) => disease(req.params.code),
  });

  app.route({
    ...routeOf(routeTable.urduNames, {
      tags,
      summary: 'The Urdu names of every disease and finding that has one, by code (for an Urdu interface)',
      errors,
    }),
    config,
    handler: () => urduNames(app.db),
  });

  app.route({
    ...routeOf(routeTable.listSymptoms, {
      tags,
      summary: 'Symptoms, signs and Nabz/Baul/Baraz findings by name; `q` matches every name and synonym',
      errors,
    }),
    config,
    handler: (req) => search.symptoms(req.query),
  });

  app.route({
    ...routeOf(routeTable.getSymptom, {
      tags,
      summary: 'One symptom, the diseases that list it and its sources',
      errors,
    }),
    config,
    handler: (req) => symptom(req.params.code),
  });

  app.route({
    ...routeOf(routeTable.listSingleDrugs, {
      tags,
      summary: 'Single drugs (Mufradat) by name; `q` also matches English, Urdu and botanical names',
      errors,
    }),
    config,
    handler: (req) => search.singleDrugs(req.query),
  });

  app.route({
    ...routeOf(routeTable.getSingleDrug, {
      tags,
      summary: 'One single drug, the formulations that contain it and its sources',
      errors,
    }),
    config,
    handler: (req) => singleDrug(req.params.code),
  });

  app.route({
    ...routeOf(routeTable.listFormulations, {
      tags,
      summary: 'Compound formulations (Murakkabat) by name, optionally of one dosage form',
      errors,
    }),
    config,
    handler: (req) => search.formulations(req.query),
  });

  app.route({
    ...routeOf(routeTable.getFormulation, {
      tags,
      summary: 'One formulation: ingredients with quantities, dose, indications, cautions and sources',
      errors,
    }),
    config,
    handler: (req) => formulation(req.params.code),
  });

  app.route({
    ...routeOf(routeTable.listSources, { tags, summary: 'Every source the knowledge base cites', errors }),
    config,
    handler: async () => ({ items: await listSources(app.db) }),
  });

  app.route({
    ...routeOf(routeTable.searchKnowledge, {
      tags,
      summary: 'One search across diseases, symptoms, single drugs and formulations, best matches first',
      errors,
    }),
    config,
    handler: async (req) => ({ items: await search.search(req.query.q, req.query.limit) }),
  });
};
