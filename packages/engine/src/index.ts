export * from './model/index.ts';
export type * from './types.ts';
export * from './nlp/index.ts';
