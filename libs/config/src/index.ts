export * from './carrier-account.config';
export * from './carriers-file';
export * from './config-error';
export * from './config-files';
export * from './environment';
export * from './defaults';
