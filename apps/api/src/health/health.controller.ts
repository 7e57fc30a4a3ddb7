import { Controller, Get, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@loa/auth';
import { CarrierLinksIndicator } from './carrier-links.indicator';
import { HealthCheckFailedFilter } from './health-check-failed.filter';

@ApiTags('health')
@Public()
@UseFilters(HealthCheckFailedFilter)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly carrierLinks: CarrierLinksIndicator,
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'The process answers' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Ready to serve: the database answers (503 otherwise). Carriers are not part of it: see /health/carriers' })
  @ApiServiceUnavailableResponse({ description: 'the database does not answer' })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
  }

  @Get('carriers')
  @HealthCheck()
  @ApiOperation({ summary: 'Every carrier has a bound SMPP session over all dispatchers (503 naming those without): alert on it' })
  @ApiServiceUnavailableResponse({ description: 'a carrier has no bound session, or the link status cannot be read' })
  carriers(): Promise<HealthCheckResult> {
    return this.health.check([() => this.carrierLinks.check('carriers')]);
  }
}
