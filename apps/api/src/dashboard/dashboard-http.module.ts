import { Module } from '@nestjs/common';
import { DeliveryModule } from '@loa/delivery';
import { CarrierLinksController } from './carrier-links.controller';
import { ConsoleController } from './console.controller';

/** GET / (the console, built from apps/console) and GET /carriers/links, which it shows. */
@Module({ imports: [DeliveryModule], controllers: [ConsoleController, CarrierLinksController] })
export class DashboardHttpModule {}
