import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DeliveryModule } from '@loa/delivery';
import { CarrierLinksIndicator } from './carrier-links.indicator';
import { HealthController } from './health.controller';

/** GET /health/live, GET /health/ready. */
@Module({ imports: [TerminusModule, DeliveryModule], controllers: [HealthController], providers: [CarrierLinksIndicator] })
export class HealthHttpModule {}
