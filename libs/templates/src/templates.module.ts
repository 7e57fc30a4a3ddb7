import { Module } from '@nestjs/common';
import { AuditModule } from '@loa/auth';
import { SubscribersModule } from '@loa/subscribers';
import { CarrierRegistrationsRepository } from './registrations/carrier-registrations.repository';
import { CarrierRegistrationsService } from './registrations/carrier-registrations.service';
import { TemplateLinting } from './template-linting';
import { TemplatePreviewService } from './template-preview.service';
import { TemplatesRepository } from './templates.repository';
import { TemplatesService } from './templates.service';

@Module({
  imports: [AuditModule, SubscribersModule],
  providers: [TemplatesRepository, TemplatesService, TemplateLinting, TemplatePreviewService, CarrierRegistrationsRepository, CarrierRegistrationsService],
  exports: [TemplatesService, TemplateLinting, TemplatePreviewService, CarrierRegistrationsService, SubscribersModule],
})
export class TemplatesModule {}
