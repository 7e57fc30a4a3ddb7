import { Module } from '@nestjs/common';
import { SubscribersModule } from '@loa/subscribers';
import { AudiencesController } from './audiences.controller';
import { ExclusionsController } from './exclusions.controller';
import { SubscriberImportsController } from './subscriber-imports.controller';

/** POST|GET /subscribers/imports, /subscribers/exclusions, GET /audiences/count. */
@Module({
  imports: [SubscribersModule],
  controllers: [SubscriberImportsController, ExclusionsController, AudiencesController],
})
export class SubscribersHttpModule {}
