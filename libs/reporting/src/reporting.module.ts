import { Module } from '@nestjs/common';
import { CampaignsModule } from '@loa/campaigns';
import { DeliveryTimelineService } from './delivery-timeline';
import { ReportingRepository } from './reporting.repository';
import { ReportingService } from './reporting.service';

@Module({
  imports: [CampaignsModule],
  providers: [ReportingRepository, ReportingService, DeliveryTimelineService],
  exports: [ReportingService, DeliveryTimelineService],
})
export class ReportingModule {}
