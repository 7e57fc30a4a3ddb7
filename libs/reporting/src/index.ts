export * from './campaign-report';
export * from './reporting.module';
export * from './reporting.service';
export * from './delivery-timeline';
