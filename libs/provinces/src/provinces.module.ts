import { Module } from '@nestjs/common';
import { AuditModule } from '@loa/auth';
import { ProvinceDirectory } from './province-directory';
import { ProvincesRepository } from './provinces.repository';

/** Needs DatabaseModule from the host; runs without AuthModule too (CLI). */
@Module({
  imports: [AuditModule],
  providers: [{ provide: ProvinceDirectory, useFactory: () => new ProvinceDirectory() }, ProvincesRepository],
  exports: [ProvinceDirectory, ProvincesRepository],
})
export class ProvincesModule {}
