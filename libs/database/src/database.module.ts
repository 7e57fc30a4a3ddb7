import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';

/** Provides TypeORM's DataSource; repositories inject it and run their SQL through it. */
@Module({})
export class DatabaseModule {
  static forRoot(options: { url: string; poolSize?: number }): DynamicModule {
    const base = dataSourceOptions(options.url);
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...base,
          extra: { ...(base.extra as object), max: options.poolSize ?? 10 },
          autoLoadEntities: true,
        }),
      ],
    };
  }
}
