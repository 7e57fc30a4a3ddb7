import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertActsOn, AuditLogRepository, type AuthUser, canRead } from '@loa/auth';
import { conflict, forbidden, invalid, notFound } from '@loa/common';
import { compileTemplate, TemplateError } from './engine';
import { type NewTemplate, type Template } from './template';
import { TemplateLinting } from './template-linting';
import { TemplatesRepository } from './templates.repository';

/** Drafting, versioning and the four-eyes approval of templates. */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly db: DataSource,
    private readonly templates: TemplatesRepository,
    private readonly audit: AuditLogRepository,
    private readonly linting: TemplateLinting,
  ) {}

  /**
   * A template the user may read: a national one, or one sharing a province with their scope (404 otherwise).
   * `user` null: the system (the dispatcher, a campaign's own template), no scope.
   */
  async get(id: number, user: AuthUser | null): Promise<Template> {
    const template = await this.templates.findById(id);
    if (!template || (user && template.provinces !== null && !canRead(user, template.provinces))) throw notFound(`template ${id} does not exist`);
    return template;
  }

  list(user: AuthUser, limit = 50, offset = 0): Promise<Template[]> {
    return this.templates.list(user.provinceScope, limit, offset);
  }

  /** Acting on a template (a new version, submit, approve, reject) needs a scope covering all of its provinces. */
  private async actOn(id: number, user: AuthUser): Promise<Template> {
    const template = await this.get(id, user);
    assertActsOn(user, template.provinces, `template ${id}`);
    return template;
  }

  async create(input: NewTemplate, user: AuthUser): Promise<Template> {
    assertCompiles(input.body);
    const familyId = input.previousVersionId ? (await this.actOn(input.previousVersionId, user)).familyId : null;
    return this.db.transaction(async (manager) => {
      const template = await this.templates.insert(input, user, familyId, manager);
      await this.audit.append(
        user,
        {
          action: 'template.create',
          objectType: 'template',
          objectId: template.id,
          provinces: template.provinces,
          details: { version: template.version },
          after: { name: template.name, status: template.status, version: template.version },
        },
        manager,
      );
      return template;
    });
  }

  async submit(id: number, user: AuthUser): Promise<Template> {
    const template = await this.actOn(id, user);
    if (template.authorId !== user.id && user.role !== 'admin') throw forbidden('only the author submits a template');
    await this.assertLintClean(template, user);
    return this.transition(template, ['draft', 'rejected'], 'pending', user, {});
  }

  async approve(id: number, user: AuthUser): Promise<Template> {
    const template = await this.actOn(id, user);
    if (template.authorId === user.id) throw forbidden('a template must be approved by someone other than its author');
    return this.transition(template, ['pending'], 'approved', user, { decidedBy: user.id });
  }

  async reject(id: number, reason: string, user: AuthUser): Promise<Template> {
    const template = await this.actOn(id, user);
    if (template.authorId === user.id) throw forbidden('a template must be reviewed by someone other than its author');
    return this.transition(template, ['pending'], 'rejected', user, { decidedBy: user.id, rejectionReason: reason });
  }

  /** Lint errors (links, numbers that are no official hotline, too many segments…) block submission. */
  private async assertLintClean(template: Template, user: AuthUser): Promise<void> {
    const findings = await this.linting.lint({
      body: template.body,
      policy: template.encodingPolicy,
      maxSegments: template.maxSegments,
      provinces: user.provinceScope ?? [],
      // A template is not tied to provinces yet: a missing hotline is an error when a campaign or a preview names them.
      missingContacts: 'warning',
    });
    const errors = findings.filter((finding) => finding.severity === 'error');
    if (errors.length > 0) {
      throw invalid(`template ${template.id} has ${errors.length} lint error(s): ${errors.map((e) => e.message).join('; ')}`, { findings });
    }
  }

  private async transition(
    template: Template,
    from: Template['status'][],
    to: Template['status'],
    user: AuthUser,
    changes: { decidedBy?: number; rejectionReason?: string },
  ): Promise<Template> {
    return this.db.transaction(async (manager) => {
      const changed = await this.templates.transition(template.id, from, to, changes, manager);
      if (!changed) {
        throw conflict(`template ${template.id} is ${template.status}; it must be ${from.join(' or ')} to become ${to}`);
      }
      await this.audit.append(
        user,
        {
          action: `template.${to}`,
          objectType: 'template',
          objectId: template.id,
          provinces: template.provinces,
          details: changes,
          before: { status: template.status },
          after: { status: changed.status },
        },
        manager,
      );
      return changed;
    });
  }
}

/** A template that does not compile is refused with the line and column Handlebars reports. */
export function assertCompiles(body: string): void {
  try {
    compileTemplate(body);
  } catch (error) {
    if (error instanceof TemplateError) {
      throw invalid(`body: ${error.message}`, { code: error.code, line: error.line, column: error.column });
    }
    throw error;
  }
}
