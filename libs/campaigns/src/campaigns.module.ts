import { Module } from '@nestjs/common';
import { TemplatesModule } from '@loa/templates';
import { CampaignMaterialiser } from './campaign-materialiser';
import { CampaignTextsRenderer } from './campaign-texts.renderer';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [TemplatesModule],
  providers: [CampaignsRepository, CampaignsService, CampaignTextsRenderer, CampaignMaterialiser],
  exports: [CampaignsService, CampaignMaterialiser],
})
export class CampaignsModule {}
