import { Module } from '@nestjs/common';
import { AuditLogRepository } from '@loa/auth';
import { ProvinceDirectory } from './province-directory';
import { ProvincesRepository } from './provinces.repository';

/** Needs DatabaseModule from the host; provides its own AuditLogRepository so it also runs without AuthModule (CLI). */
@Module({
  providers: [{ provide: ProvinceDirectory, useFactory: () => new ProvinceDirectory() }, ProvincesRepository, AuditLogRepository],
  exports: [ProvinceDirectory, ProvincesRepository],
})
export class ProvincesModule {}
