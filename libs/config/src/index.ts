export * from './config-files';
