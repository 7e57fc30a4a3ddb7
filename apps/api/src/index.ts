export * from './api-app';
export * from './api.module';
