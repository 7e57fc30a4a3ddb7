import { Module } from '@nestjs/common';
import { DeliveryModule } from '@loa/delivery';
import { CarrierLinksController } from './carrier-links.controller';
import { DashboardController } from './dashboard.controller';

/** GET / (the dashboard) and GET /carriers/links, which it shows. */
@Module({ imports: [DeliveryModule], controllers: [DashboardController, CarrierLinksController] })
export class DashboardHttpModule {}
