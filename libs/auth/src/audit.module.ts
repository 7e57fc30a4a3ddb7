import { Module } from '@nestjs/common';
import { AuditLogRepository } from './audit-log.repository';

/** The audit log alone, for modules that also run without AuthModule (the dispatcher and the CLI). Needs DatabaseModule. */
@Module({
  providers: [AuditLogRepository],
  exports: [AuditLogRepository],
})
export class AuditModule {}
