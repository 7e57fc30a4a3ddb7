import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, type AuthUser, CurrentUser, Roles } from '@loa/auth';
import { CARRIERS, invalid } from '@loa/common';
import {
  CarrierRegistrationsService,
  type PreviewRequest,
  type Template,
  type TemplatePreview,
  TemplatePreviewService,
  TemplatesService,
} from '@loa/templates';
import { PageQuery } from '../common/page.query';
import { CreateTemplateDto, PreviewTemplateDto, RejectTemplateDto } from './template.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('templates')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly previews: TemplatePreviewService,
    private readonly registrations: CarrierRegistrationsService,
  ) {}

  @Post('preview')
  @AnyRole()
  @HttpCode(200)
  @ApiOperation({ summary: 'Rendered text per province under each encoding policy, segments, audience cost and lint findings' })
  async preview(@Body() body: PreviewTemplateDto, @CurrentUser() user: AuthUser): Promise<TemplatePreview> {
    const preview = await this.previews.preview(await this.previewRequest(body, user), user);
    if (body.templateId === undefined) return preview;
    return { ...preview, unregisteredCarriers: await this.unregisteredCarriers(body.templateId, body.carriers, user) };
  }

  /** A saved version: the carriers (those asked, else every one demanding registration) where it is not registered. */
  private async unregisteredCarriers(templateId: number, carriers: string[], user: AuthUser): Promise<string[]> {
    const template = await this.templates.get(templateId, user);
    const problems = await this.registrations.problems(template, carriers.length > 0 ? carriers : this.registrations.requiring(CARRIERS), []);
    return problems.map((problem) => problem.carrier);
  }

  /** The body as given, or a saved version's body and limit. */
  private async previewRequest(dto: PreviewTemplateDto, user: AuthUser): Promise<PreviewRequest> {
    const { templateId, body, ...options } = dto;
    if (templateId === undefined) return { ...options, body: body! };
    if (body !== undefined) throw invalid('give either body or templateId, not both');
    const saved = await this.templates.get(templateId, user);
    return { ...options, body: saved.body, maxSegments: saved.maxSegments };
  }

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Template versions you may read (national ones and those of your provinces), newest first' })
  list(@Query() page: PageQuery, @CurrentUser() user: AuthUser): Promise<Template[]> {
    return this.templates.list(user, page.limit, page.offset);
  }

  @Get(':id')
  @AnyRole()
  get(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<Template> {
    return this.templates.get(id, user);
  }

  @Post()
  @Roles('drafter')
  @ApiOperation({ summary: 'Create a draft (or a new version of an existing template)' })
  create(@Body() body: CreateTemplateDto, @CurrentUser() user: AuthUser): Promise<Template> {
    return this.templates.create(body, user);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('drafter')
  submit(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<Template> {
    return this.templates.submit(id, user);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: 'Approve a pending version (not your own); it never changes afterwards' })
  approve(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<Template> {
    return this.templates.approve(id, user);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('approver')
  reject(@Param('id', ParseIdPipe) id: number, @Body() body: RejectTemplateDto, @CurrentUser() user: AuthUser): Promise<Template> {
    return this.templates.reject(id, body.reason, user);
  }
}
