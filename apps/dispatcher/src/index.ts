export * from './dispatcher.module';
export type { DispatcherOptions, DispatcherSettings } from '@loa/dispatching';
