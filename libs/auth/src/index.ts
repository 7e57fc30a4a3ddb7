export * from './audit-log.repository';
export * from './audit.module';
export * from './auth-user';
export * from './auth.decorators';
export * from './auth.module';
export * from './auth.service';
export * from './jwt-auth.guard';
export * from './province-scope';
