import { Module } from '@nestjs/common';
import { AuditModule } from '@loa/auth';
import { SubscribersModule } from '@loa/subscribers';
import { TemplateLinting } from './template-linting';
import { TemplatePreviewService } from './template-preview.service';
import { TemplatesRepository } from './templates.repository';
import { TemplatesService } from './templates.service';

@Module({
  imports: [AuditModule, SubscribersModule],
  providers: [TemplatesRepository, TemplatesService, TemplateLinting, TemplatePreviewService],
  exports: [TemplatesService, TemplateLinting, TemplatePreviewService, SubscribersModule],
})
export class TemplatesModule {}
