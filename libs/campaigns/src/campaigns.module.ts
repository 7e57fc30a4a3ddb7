import { Module } from '@nestjs/common';
import { AuditModule } from '@loa/auth';
import { DeliveryModule } from '@loa/delivery';
import { SubscribersModule } from '@loa/subscribers';
import { TemplatesModule } from '@loa/templates';
import { BrandnameCertificates } from './brandname-certificates';
import { CampaignMaterialiser } from './campaign-materialiser';
import { CampaignTextsRenderer } from './campaign-texts.renderer';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { CampaignPlanRepository } from './plan/campaign-plan.repository';
import { CampaignPlansService } from './plan/campaign-plans.service';
import { ProgrammesRepository } from './programmes.repository';
import { ProgrammesService } from './programmes.service';
import { RegistrationCheck } from './registration-check';
import { SendLimitsService } from './send-limits.service';
import { TestSendsRepository } from './test-sends.repository';
import { TestSendsService } from './test-sends.service';

/** Needs DatabaseModule from the host; runs without AuthModule too (a dispatcher materialises campaigns). */
@Module({
  imports: [AuditModule, DeliveryModule, SubscribersModule, TemplatesModule],
  providers: [
    BrandnameCertificates,
    CampaignsRepository,
    CampaignsService,
    CampaignTextsRenderer,
    CampaignMaterialiser,
    SendLimitsService,
    TestSendsRepository,
    TestSendsService,
    CampaignPlanRepository,
    CampaignPlansService,
    ProgrammesRepository,
    ProgrammesService,
    RegistrationCheck,
  ],
  exports: [
    BrandnameCertificates,
    CampaignsService,
    CampaignMaterialiser,
    SendLimitsService,
    TestSendsRepository,
    TestSendsService,
    CampaignPlanRepository,
    CampaignPlansService,
    ProgrammesService,
  ],
})
export class CampaignsModule {}
