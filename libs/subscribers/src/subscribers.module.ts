import { Module } from '@nestjs/common';
import { AuditModule } from '@loa/auth';
import { ProvincesModule } from '@loa/provinces';
import { AudienceRepository } from './audience.repository';
import { ExclusionsRepository } from './exclusions.repository';
import { ExclusionsService } from './exclusions.service';
import { SubscriberImportService } from './subscriber-import.service';
import { SubscriberImportsRepository } from './subscriber-imports.repository';

/** Needs DatabaseModule from the host; runs without AuthModule too (CLI). */
@Module({
  imports: [AuditModule, ProvincesModule],
  providers: [SubscriberImportService, SubscriberImportsRepository, AudienceRepository, ExclusionsRepository, ExclusionsService],
  exports: [SubscriberImportService, SubscriberImportsRepository, AudienceRepository, ExclusionsRepository, ExclusionsService, ProvincesModule],
})
export class SubscribersModule {}
