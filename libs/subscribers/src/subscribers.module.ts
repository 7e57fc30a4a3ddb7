import { Module } from '@nestjs/common';
import { AuditLogRepository } from '@loa/auth';
import { ProvincesModule } from '@loa/provinces';
import { AudienceRepository } from './audience.repository';
import { ExclusionsRepository } from './exclusions.repository';
import { ExclusionsService } from './exclusions.service';
import { SubscriberImportService } from './subscriber-import.service';
import { SubscriberImportsRepository } from './subscriber-imports.repository';

/** Needs DatabaseModule from the host; provides its own AuditLogRepository so the CLI needs no AuthModule. */
@Module({
  imports: [ProvincesModule],
  providers: [SubscriberImportService, SubscriberImportsRepository, AudienceRepository, ExclusionsRepository, ExclusionsService, AuditLogRepository],
  exports: [SubscriberImportService, SubscriberImportsRepository, AudienceRepository, ExclusionsRepository, ExclusionsService, ProvincesModule],
})
export class SubscribersModule {}
