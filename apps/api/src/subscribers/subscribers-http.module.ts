import { Module } from '@nestjs/common';
import { AuditModule } from '@loa/auth';
import { DeliveryModule } from '@loa/delivery';
import { SubscribersModule } from '@loa/subscribers';
import { AudiencesController } from './audiences.controller';
import { ExclusionsController } from './exclusions.controller';
import { SubscriberImportsController } from './subscriber-imports.controller';
import { SubscriberMessagesController } from './subscriber-messages.controller';

/** POST|GET /subscribers/imports, /subscribers/exclusions, GET /subscribers/:msisdn/messages, GET /audiences/count. */
@Module({
  imports: [SubscribersModule, DeliveryModule, AuditModule],
  controllers: [SubscriberImportsController, ExclusionsController, AudiencesController, SubscriberMessagesController],
})
export class SubscribersHttpModule {}
