export * from './engineInput.ts';
export * from './format.ts';
export * from './load.ts';
export * from './validate.ts';
