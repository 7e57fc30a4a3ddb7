import { Module } from '@nestjs/common';
import { CampaignsModule } from '@loa/campaigns';
import { ReportingRepository } from './reporting.repository';
import { ReportingService } from './reporting.service';

@Module({ imports: [CampaignsModule], providers: [ReportingRepository, ReportingService], exports: [ReportingService] })
export class ReportingModule {}
