export * from './format.ts';
export * from './load.ts';
export * from './validate.ts';
export * from './engineInput.ts';
