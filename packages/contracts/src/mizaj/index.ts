// The Mizaj questionnaire and its scoring, without zod: what the web app's form loads.
export * from './questionnaire.ts';
export * from './score.ts';
