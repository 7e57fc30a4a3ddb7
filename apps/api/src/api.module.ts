import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuthModule, JwtAuthGuard } from '@loa/auth';
import { CampaignsModule, type CarrierCertificate, SendingCarriersModule } from '@loa/campaigns';
import { DatabaseModule } from '@loa/database';
import { ReportingModule } from '@loa/reporting';
import { type CarrierTextProfile } from '@loa/sms';
import { CarrierTextsModule, TemplateRegistrationModule, TemplatesModule } from '@loa/templates';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { LoginThrottleModule, type LoginThrottleSettings } from './auth/login-throttle';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CarriersHttpModule } from './carriers/carriers-http.module';
import { TestSendsController } from './campaigns/test-sends.controller';
import { DomainErrorFilter } from './common/domain-error.filter';
import { DashboardHttpModule } from './dashboard/dashboard-http.module';
import { createValidationPipe } from './common/validation.pipe';
import { HealthHttpModule } from './health/health-http.module';
import { MetricsHttpModule } from './metrics/metrics-http.module';
import { ProgrammesController } from './programmes/programmes.controller';
import { ProvincesHttpModule } from './provinces/provinces-http.module';
import { ReportsController } from './reports/reports.controller';
import { SubscribersHttpModule } from './subscribers/subscribers-http.module';
import { TemplateRegistrationsController } from './templates/template-registrations.controller';
import { TemplatesController } from './templates/templates.controller';
import { UsersController } from './users/users.controller';
import { type ImportLimits, ImportLimitsModule } from './subscribers/import-limits';

export interface ApiSettings {
  databaseUrl: string;
  jwtSecret: string;
  /** Carriers with an account in the carriers file; campaigns may target only these (default: all three). */
  carriers?: readonly string[];
  /** Login attempts allowed per user and per source address (see README). */
  loginThrottle?: Partial<LoginThrottleSettings>;
  /** Subscriber uploads running at once, per user and overall (see README). */
  importLimits?: Partial<ImportLimits>;
  /** Each carrier's TPS summed over its accounts, for deadline plans (default: config/carriers.json's). */
  carrierTps?: Readonly<Record<string, number>>;
  /** How each carrier account takes a text (concat, coding, SMSC part size); default: config/carriers.json's. */
  carrierTexts?: readonly CarrierTextProfile[];
  /** Each account's brandname and certificate; default: config/carriers.json's. */
  carrierCertificates?: readonly CarrierCertificate[];
  /** Carriers whose account demands registered templates (`templateRegistration: required`); default none. */
  templateRegistration?: readonly string[];
}

/** The admin REST API. The database module is left out when a host module (all-in-one) provides it. */
@Module({})
export class ApiModule {
  static forRoot(settings: ApiSettings, options: { withDatabase?: boolean } = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ...(options.withDatabase === false ? [] : [DatabaseModule.forRoot({ url: settings.databaseUrl })]),
        AuthModule.forRoot({ jwtSecret: settings.jwtSecret }),
        LoginThrottleModule.forRoot(settings.loginThrottle),
        ImportLimitsModule.forRoot(settings.importLimits),
        ...(settings.carriers ? [SendingCarriersModule.forRoot(settings.carriers, settings.carrierTps, settings.carrierCertificates)] : []),
        ...(settings.carrierTexts ? [CarrierTextsModule.forRoot(settings.carrierTexts)] : []),
        ...(settings.templateRegistration ? [TemplateRegistrationModule.forRoot(settings.templateRegistration)] : []),
        TemplatesModule,
        CampaignsModule,
        ReportingModule,
        SubscribersHttpModule,
        ProvincesHttpModule,
        HealthHttpModule,
        MetricsHttpModule,
        DashboardHttpModule,
        CarriersHttpModule,
      ],
      controllers: [
        AuthController,
        TemplatesController,
        TemplateRegistrationsController,
        CampaignsController,
        TestSendsController,
        ReportsController,
        ProgrammesController,
        UsersController,
        AuditController,
      ],
      providers: [
        { provide: APP_GUARD, useExisting: JwtAuthGuard },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
