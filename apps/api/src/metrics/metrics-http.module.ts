import { Module } from '@nestjs/common';
import { CampaignsModule } from '@loa/campaigns';
import { DeliveryModule } from '@loa/delivery';
import { MetricsController } from './metrics.controller';
import { MetricsRepository } from './metrics.repository';
import { MetricsService } from './metrics.service';

/** GET /metrics. */
@Module({ imports: [DeliveryModule, CampaignsModule], controllers: [MetricsController], providers: [MetricsService, MetricsRepository] })
export class MetricsHttpModule {}
