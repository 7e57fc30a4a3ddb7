export * from './province';
export * from './province-directory';
export { provinceKey } from './province-key';
export * from './provinces.module';
export * from './provinces.repository';
export * from './sync-provinces';
