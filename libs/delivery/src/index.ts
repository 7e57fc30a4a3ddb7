export * from './delivery.module';
export * from './delivery.repository';
export * from './message-state';
