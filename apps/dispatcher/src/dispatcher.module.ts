import { AuditModule } from '@loa/auth';
import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { CampaignsModule } from '@loa/campaigns';
import { type CarrierAccount } from '@loa/config';
import { DeliveryModule } from '@loa/delivery';
import { type DispatcherSettings } from '@loa/dispatching';
import { CampaignSchedulerService } from './campaign-scheduler.service';
import { CARRIER_ACCOUNTS, DISPATCHER_OPTIONS, DispatcherService } from './dispatcher.service';

/** The SMPP worker: schedules due campaigns, sends through the carrier links, applies receipts. */
@Module({})
export class DispatcherModule {
  static forRoot(options: { carriers: CarrierAccount[]; dispatcher?: DispatcherSettings }): DynamicModule {
    return {
      module: DispatcherModule,
      imports: [ScheduleModule.forRoot(), DeliveryModule, CampaignsModule, AuditModule],
      providers: [
        { provide: CARRIER_ACCOUNTS, useValue: options.carriers },
        { provide: DISPATCHER_OPTIONS, useValue: options.dispatcher ?? {} },
        DispatcherService,
        CampaignSchedulerService,
      ],
    };
  }
}
