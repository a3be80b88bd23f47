export * from './auth.ts';
export * from './common.ts';
export * from './encounters.ts';
export * from './engine.ts';
export * from './patients.ts';
export * from './plans.ts';
export * from './research.ts';
export * from './vocabulary.ts';
