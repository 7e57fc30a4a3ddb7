export * from './domain-error';
export * from './carriers';
export * from './backoff';
export * from './clock';
export * from './csv';
export * from './reason';
export * from './vietnam-time';
