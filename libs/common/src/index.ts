export * from './domain-error';
export * from './carriers';
