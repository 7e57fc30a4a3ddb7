export * from './bind-slots.repository';
export * from './delivery.module';
export * from './delivery.repository';
export * from './delivery.types';
export * from './link-status.repository';
export * from './message-states';
export * from './outcome-writer';
export * from './receipt-sink';
export { DEFAULT_RETRY_POLICY, partsToSend, type RetryPolicy, stateAfterSend } from './send-outcomes';
