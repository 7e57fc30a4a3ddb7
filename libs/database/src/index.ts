export * from './data-source-options';
export * from './database.module';
export * from './embedded-database';
export * from './query-rows';
export * from './database-unavailable';
export * from './pg-array';
export * from './prepared-statement';
