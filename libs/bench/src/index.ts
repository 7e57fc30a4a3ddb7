export * from './benchmark';
