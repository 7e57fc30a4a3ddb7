export * from './poll-until';
export * from './test-database';
