import { Module } from '@nestjs/common';
import { AuditModule } from '@loa/auth';
import { CampaignsModule } from '@loa/campaigns';
import { ReportingRepository } from './reporting.repository';
import { ReportingService } from './reporting.service';

@Module({
  imports: [AuditModule, CampaignsModule],
  providers: [ReportingRepository, ReportingService],
  exports: [ReportingService],
})
export class ReportingModule {}
