export type * from './types.ts';
export * from './model/index.ts';
