export * from './campaigns-in-hand';
export * from './carrier-dispatcher';
export * from './failure-log';
