import { Module } from '@nestjs/common';
import { DeliveryRepository } from './delivery.repository';
import { LinkStatusRepository } from './link-status.repository';

@Module({ providers: [DeliveryRepository, LinkStatusRepository], exports: [DeliveryRepository, LinkStatusRepository] })
export class DeliveryModule {}
