export * from './campaign-report';
export * from './exports';
export * from './reporting.module';
export * from './reporting.service';
export { type NewCarrierReport } from './reporting.repository';
