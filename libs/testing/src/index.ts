export * from './poll-until';
export * from './test-database';
export * from './restartable-database';
export * from './chromium';
