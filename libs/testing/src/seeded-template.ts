import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuthModule, AuthService } from '@loa/auth';
import { DatabaseModule } from '@loa/database';
import { seedDemo } from '@loa/demo';
import { syncProvinces } from '@loa/provinces';
import { TEST_PASSWORD } from './test-database';

/** Synchronises the provinces and adds the demo users (TEST_PASSWORD) to the database at `url`, as the test API did per file. */
export async function seedTestTemplate(url: string): Promise<void> {
  @Module({ imports: [DatabaseModule.forRoot({ url, poolSize: 2 }), AuthModule.forRoot({ jwtSecret: 'unused-while-seeding-the-template' })] })
  class SeedModule {}
  const context = await NestFactory.createApplicationContext(SeedModule, { logger: ['error'] });
  try {
    const dataSource = context.get(DataSource);
    await syncProvinces(dataSource);
    await seedDemo(dataSource, context.get(AuthService), { password: TEST_PASSWORD, subscribers: 0 });
  } finally {
    await context.close();
  }
}
