export * from './bind-slots.repository';
export * from './delivery.module';
export * from './delivery.repository';
export * from './link-status.repository';
export * from './message-state';
