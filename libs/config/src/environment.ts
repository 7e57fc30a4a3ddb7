import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, validateSync } from 'class-validator';
import { configFile } from './config-files';
import { ConfigError } from './config-error';

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The environment contract of DESIGN.md, validated once at start-up. */
class EnvironmentVariables {
  @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// connection string' }) DATABASE_URL?: string;
  @IsOptional() @IsString() LOA_DATA_DIR?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsString() CARRIERS_FILE?: string;
  @IsOptional() @IsString() @Length(32, 512, { message: 'JWT_SECRET must be at least 32 characters' }) JWT_SECRET?: string;
  @IsOptional() @IsString() @Length(8, 200, { message: 'LOA_DEMO_PASSWORD must be at least 8 characters' }) LOA_DEMO_PASSWORD?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000_000) LOA_DEMO_SUBSCRIBERS?: number;
  @IsOptional() @IsIn(LOG_FORMATS, { message: `LOA_LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}` }) LOA_LOG_FORMAT?: LogFormat;
  @IsOptional() @IsIn(LOG_LEVELS, { message: `LOA_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }) LOA_LOG_LEVEL?: LogLevel;
}

export interface LoaEnvironment {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  carriersFile: string;
  jwtSecret: string | undefined;
  demoPassword: string;
  demoSubscribers: number;
  /** Unset: each command's default (pretty for `loa start`, JSON for the production processes). */
  logFormat: LogFormat | undefined;
  logLevel: LogLevel;
}

export function loadEnvironment(env: NodeJS.ProcessEnv = process.env): LoaEnvironment {
  const keys = ['DATABASE_URL', 'LOA_DATA_DIR', 'PORT', 'CARRIERS_FILE', 'JWT_SECRET', 'LOA_DEMO_PASSWORD', 'LOA_DEMO_SUBSCRIBERS', 'LOA_LOG_FORMAT', 'LOA_LOG_LEVEL'];
  const present = Object.fromEntries(keys.filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]));
  const variables = plainToInstance(EnvironmentVariables, present);
  const errors = validateSync(variables);
  if (errors.length > 0) {
    const lines = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new ConfigError('invalid environment:\n' + lines.map((line) => '  ' + line).join('\n'));
  }
  return {
    databaseUrl: variables.DATABASE_URL,
    dataDir: variables.LOA_DATA_DIR ?? '.data',
    port: variables.PORT ?? 3000,
    carriersFile: variables.CARRIERS_FILE ?? configFile('carriers.json'),
    jwtSecret: variables.JWT_SECRET,
    demoPassword: variables.LOA_DEMO_PASSWORD ?? 'loa-demo',
    demoSubscribers: variables.LOA_DEMO_SUBSCRIBERS ?? 300_000,
    logFormat: variables.LOA_LOG_FORMAT,
    logLevel: variables.LOA_LOG_LEVEL ?? 'info',
  };
}
