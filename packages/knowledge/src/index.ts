export * from './engineInput.ts';
export * from './format.ts';
export * from './importers/kaggleCsv.ts';
export * from './importers/kaggleFiles.ts';
export * from './importers/labelledCases.ts';
export * from './load.ts';
export * from './report.ts';
export * from './validate.ts';
