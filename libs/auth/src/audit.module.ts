import { Module } from '@nestjs/common';
import { AuditLogReader, AuditLogRepository } from './audit-log.repository';

/** The audit log alone, for modules that also run without AuthModule (the dispatcher and the CLI). Needs DatabaseModule. */
@Module({
  providers: [AuditLogRepository, AuditLogReader],
  exports: [AuditLogRepository, AuditLogReader],
})
export class AuditModule {}
