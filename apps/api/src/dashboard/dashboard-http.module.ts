import { Module } from '@nestjs/common';
import { CampaignsModule } from '@loa/campaigns';
import { DeliveryModule } from '@loa/delivery';
import { CampaignTextsController } from './campaign-texts.controller';
import { CarrierLinksController } from './carrier-links.controller';
import { ConsoleController } from './console.controller';

/** GET / (the console, built from apps/console) and what it reads beside the domain routes: carrier links, a campaign's texts. */
@Module({ imports: [DeliveryModule, CampaignsModule], controllers: [ConsoleController, CarrierLinksController, CampaignTextsController] })
export class DashboardHttpModule {}
