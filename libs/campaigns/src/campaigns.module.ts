import { Module } from '@nestjs/common';
import { AuditModule } from '@loa/auth';
import { DeliveryModule } from '@loa/delivery';
import { TemplatesModule } from '@loa/templates';
import { CampaignMaterialiser } from './campaign-materialiser';
import { CampaignTextsRenderer } from './campaign-texts.renderer';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { ProgrammesRepository } from './programmes.repository';
import { ProgrammesService } from './programmes.service';

/** Needs DatabaseModule from the host; runs without AuthModule too (a dispatcher materialises campaigns). */
@Module({
  imports: [AuditModule, DeliveryModule, TemplatesModule],
  providers: [CampaignsRepository, CampaignsService, CampaignTextsRenderer, CampaignMaterialiser, ProgrammesRepository, ProgrammesService],
  exports: [CampaignsService, CampaignMaterialiser, ProgrammesService],
})
export class CampaignsModule {}
