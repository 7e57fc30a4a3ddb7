import { Module } from '@nestjs/common';
import { CampaignsModule } from '@loa/campaigns';
import { CarrierCertificatesController } from './carrier-certificates.controller';

/** GET /carriers/certificates: the brandnames' certificates, for the dashboard's warning. */
@Module({ imports: [CampaignsModule], controllers: [CarrierCertificatesController] })
export class CarriersHttpModule {}
