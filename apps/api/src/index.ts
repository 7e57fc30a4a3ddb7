export * from './api-app';
export * from './api.module';
export { ImportSlots } from './subscribers/import-limits';
