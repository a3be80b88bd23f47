export * from './model/index.ts';
export * from './nlp/index.ts';
export type * from './types.ts';
