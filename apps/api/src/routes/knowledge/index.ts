// The knowledge base, read-only and public: diseases, symptoms, single drugs, formulations, sources, and
// one search across them. Anyone may read it (an API key with `knowledge:read` works like any caller).
import {
  CodeParam,
  DiseaseDetail,
  DiseaseListQuery,
  DiseaseSummary,
  FormulationDetail,
  FormulationListQuery,
  FormulationSummary,
  KnowledgeSearchQuery,
  KnowledgeSearchResult,
  Problem,
  pageOf,
  SingleDrugDetail,
  SingleDrugListQuery,
  SingleDrugSummary,
  SourceList,
  SymptomDetail,
  SymptomListQuery,
  SymptomSummary,
} from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cachedUntilKnowledgeChanges } from '../../services/knowledgeDetailCache.ts';
import { createKnowledgeSearch } from '../../services/knowledgeSearch.ts';
import { getDisease, getFormulation, getSingleDrug, getSymptom } from '../../services/knowledgeService.ts';
import { listSources } from '../../services/knowledgeSources.ts';

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

  app.get(
    '/api/v1/diseases',
    {
      config,
      schema: {
        tags,
        summary: 'Diseases by name; `q` matches Unani, English and Urdu names and synonyms, ignoring case and accents',
        querystring: DiseaseListQuery,
        response: { 200: pageOf(DiseaseSummary), ...errors },
      },
    },
    (req) => search.diseases(req.query),
  );

  app.get(
    '/api/v1/diseases/:code',
    {
      config,
      schema: {
        tags,
        summary: 'One disease: symptoms with likelihoods, treatment protocol and sources',
        params: CodeParam,
        response: { 200: DiseaseDetail, ...errors },
      },
    },
    (req) => disease(req.params.code),
  );

  app.get(
    '/api/v1/symptoms',
    {
      config,
      schema: {
        tags,
        summary: 'Symptoms, signs and Nabz/Baul/Baraz findings by name; `q` matches every name and synonym',
        querystring: SymptomListQuery,
        response: { 200: pageOf(SymptomSummary), ...errors },
      },
    },
    (req) => search.symptoms(req.query),
  );

  app.get(
    '/api/v1/symptoms/:code',
    {
      config,
      schema: {
        tags,
        summary: 'One symptom, the diseases that list it and its sources',
        params: CodeParam,
        response: { 200: SymptomDetail, ...errors },
      },
    },
    (req) => symptom(req.params.code),
  );

  app.get(
    '/api/v1/single-drugs',
    {
      config,
      schema: {
        tags,
        summary: 'Single drugs (Mufradat) by name; `q` also matches English, Urdu and botanical names',
        querystring: SingleDrugListQuery,
        response: { 200: pageOf(SingleDrugSummary), ...errors },
      },
    },
    (req) => search.singleDrugs(req.query),
  );

  app.get(
    '/api/v1/single-drugs/:code',
    {
      config,
      schema: {
        tags,
        summary: 'One single drug, the formulations that contain it and its sources',
        params: CodeParam,
        response: { 200: SingleDrugDetail, ...errors },
      },
    },
    (req) => singleDrug(req.params.code),
  );

  app.get(
    '/api/v1/formulations',
    {
      config,
      schema: {
        tags,
        summary: 'Compound formulations (Murakkabat) by name, optionally of one dosage form',
        querystring: FormulationListQuery,
        response: { 200: pageOf(FormulationSummary), ...errors },
      },
    },
    (req) => search.formulations(req.query),
  );

  app.get(
    '/api/v1/formulations/:code',
    {
      config,
      schema: {
        tags,
        summary: 'One formulation: ingredients with quantities, dose, indications, cautions and sources',
        params: CodeParam,
        response: { 200: FormulationDetail, ...errors },
      },
    },
    (req) => formulation(req.params.code),
  );

  app.get(
    '/api/v1/sources',
    {
      config,
      schema: {
        tags,
        summary: 'Every source the knowledge base cites',
        response: { 200: SourceList, ...errors },
      },
    },
    async () => ({ items: await listSources(app.db) }),
  );

  app.get(
    '/api/v1/search',
    {
      config,
      schema: {
        tags,
        summary: 'One search across diseases, symptoms, single drugs and formulations, best matches first',
        querystring: KnowledgeSearchQuery,
        response: { 200: KnowledgeSearchResult, ...errors },
      },
    },
    async (req) => ({ items: await search.search(req.query.q, req.query.limit) }),
  );
};
