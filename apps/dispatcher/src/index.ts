export * from './dispatcher.module';
export type { DispatcherOptions, DispatcherSettings } from './carrier-dispatcher';
