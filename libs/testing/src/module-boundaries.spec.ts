import { join } from 'node:path';
import { ESLint } from 'eslint';

// The dependency rules of DESIGN.md (Layout) are enforced by ESLint (.eslint.config.mjs, run by `npm run lint`).
// This proves the lint config refuses a violation of each rule, and lets the legal imports through: it fails if
// a boundary is dropped from the config or made so broad that the code base's own imports break it.
const ROOT = process.cwd();
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, '.eslint.config.mjs') });

const BOUNDARY_RULES = ['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax'];

/** The boundary errors that the lint config reports for `code` at `filePath`, as "rule: message". */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  const fatal = result.messages.filter((message) => message.fatal);
  if (fatal.length > 0) throw new Error(`${filePath} did not parse: ${fatal.map((message) => message.message).join('; ')}`);
  return result.messages.filter((message) => BOUNDARY_RULES.includes(message.ruleId ?? '')).map((message) => `${message.ruleId}: ${message.message}`);
}

type Case = [file: string, code: string];

async function expectRefused([file, code]: Case, reason: RegExp): Promise<void> {
  const errors = await boundaryErrors(file, code);
  expect({ file, code, errors }).toEqual({ file, code, errors: [expect.stringMatching(reason)] });
}

async function expectAccepted([file, code]: Case): Promise<void> {
  expect({ file, code, errors: await boundaryErrors(file, code) }).toEqual({ file, code, errors: [] });
}

describe('module boundaries (the lint config)', () => {
  it('lints a TypeScript file with the boundary rules on', async () => {
    const config = await eslint.calculateConfigForFile(join(ROOT, 'libs/sms/src/sms-codec.ts'));
    for (const rule of BOUNDARY_RULES) expect(config.rules[rule]?.[0]).toBe(2);
  });

  describe('only libs/smpp imports the smpp package', () => {
    const reason = /Only libs\/smpp imports the smpp package/;
    it.each<Case>([
      ['libs/delivery/src/receipts.ts', "import { Session } from 'smpp';"],
      ['libs/sms/src/sms-codec.ts', "import * as smpp from 'smpp';"],
      ['apps/dispatcher/src/links.ts', "import smpp from 'smpp';"],
      ['apps/dispatcher/src/links.ts', "export type { Session } from 'smpp';"],
      ['apps/smsc-simulator/src/smsc.ts', "const smpp = await import('smpp');"],
      ['apps/smsc-simulator/src/smsc.ts', "const smpp = require('smpp');"],
      ['apps/api/src/health.ts', "import smpp = require('smpp');"],
      ['apps/smsc-simulator/test/harness.ts', "import { Session } from 'smpp';"],
      ['libs/campaigns/src/campaign.spec.ts', "import { Session } from 'smpp';"],
    ])('refuses %s: %s', (file, code) => expectRefused([file, code], reason));
    it.each<Case>([
      ['libs/smpp/src/smpp-package.ts', "import * as smpp from 'smpp';"],
      ['libs/smpp/src/carrier-link.spec.ts', "import * as smpp from 'smpp';"],
      ['apps/dispatcher/src/links.ts', "import { CarrierLink } from '@loa/smpp';"],
      ['apps/smsc-simulator/src/smsc.ts', "import { newPdu, smppPackage } from '@loa/smpp';"],
    ])('accepts %s: %s', (file, code) => expectAccepted([file, code]));
  });

  describe('libs/sms is pure: no Loa library, framework, database or network', () => {
    const reason = /libs\/sms is pure/;
    it.each<Case>([
      ['libs/sms/src/sms-codec.ts', "import { DomainError } from '@loa/common';"],
      ['libs/sms/src/sms-codec.ts', "import type { Benchmark } from '@loa/bench';"],
      ['libs/sms/src/sms-codec.ts', "import { Injectable } from '@nestjs/common';"],
      ['libs/sms/src/sms-codec.ts', "import { DataSource } from 'typeorm';"],
      ['libs/sms/src/sms-codec.ts', "export { Client } from 'pg';"],
      ['libs/sms/src/sms-codec.ts', "import { readFileSync } from 'node:fs';"],
      ['libs/sms/src/sms-codec.ts', "import { createServer } from 'node:net';"],
      ['libs/sms/src/sms-codec.ts', "import { request } from 'node:http';"],
      ['libs/sms/src/sms-codec.ts', "import { spawn } from 'node:child_process';"],
      ['libs/sms/src/deep/inner.ts', "const fs = await import('node:fs');"],
      ['libs/sms/src/sms-codec.ts', "export type Pool = import('pg').Pool;"],
    ])('refuses %s: %s', (file, code) => expectRefused([file, code], reason));
    it.each<Case>([
      ['libs/sms/src/sms-prepare.ts', "import { encodeText } from './sms-codec';"],
      ['libs/sms/src/sms-codec.ts', "import { Buffer } from 'node:buffer';"],
      ['libs/sms/src/sms-prepare.spec.ts', "import { createTestDatabase } from '@loa/testing';"],
      ['libs/sms/src/sms.bench.ts', "import { measureRate } from '@loa/bench';"],
    ])('accepts %s: %s', (file, code) => expectAccepted([file, code]));
  });

  describe('libs/smpp builds on libs/sms alone: no database, no Nest', () => {
    const reason = /libs\/smpp builds on @loa\/sms \(and the definitions of @loa\/common\) alone/;
    it.each<Case>([
      ['libs/smpp/src/carrier-link.ts', "import { DeliveryRepository } from '@loa/delivery';"],
      ['libs/smpp/src/carrier-link.ts', "import { DatabaseModule } from '@loa/database';"],
      ['libs/smpp/src/carrier-link.ts', "import { Injectable } from '@nestjs/common';"],
      ['libs/smpp/src/carrier-link.ts', "import { Repository } from 'typeorm';"],
      ['libs/smpp/src/carrier-link.ts', "import { Client } from 'pg';"],
    ])('refuses %s: %s', (file, code) => expectRefused([file, code], reason));
    it.each<Case>([
      ['libs/smpp/src/submit-pdus.ts', "import { encodeText, splitSegments } from '@loa/sms';"],
      ['libs/smpp/src/carrier-link.types.ts', "import { type Carrier } from '@loa/common';"],
      ['libs/smpp/src/carrier-link.ts', "import { createConnection } from 'node:net';"],
      ['libs/smpp/src/carrier-link.spec.ts', "import { pollUntil } from '@loa/testing';"],
    ])('accepts %s: %s', (file, code) => expectAccepted([file, code]));
  });

  describe('libs/common is pure: the shared definitions every layer may import', () => {
    const reason = /libs\/common is pure/;
    it.each<Case>([
      ['libs/common/src/carriers.ts', "import { DataSource } from 'typeorm';"],
      ['libs/common/src/carriers.ts', "import { Injectable } from '@nestjs/common';"],
      ['libs/common/src/carriers.ts', "import { encodeText } from '@loa/sms';"],
    ])('refuses %s: %s', (file, code) => expectRefused([file, code], reason));
  });

  describe('the simulator never touches the database', () => {
    const reason = /simulator never touches the database/;
    it.each<Case>([
      ['apps/smsc-simulator/src/smsc-simulator.ts', "import { DatabaseModule } from '@loa/database';"],
      ['apps/smsc-simulator/src/smsc-simulator.ts', "import { DeliveryRepository } from '@loa/delivery';"],
      ['apps/smsc-simulator/src/smsc-simulator.ts', "import { CampaignsService } from '@loa/campaigns';"],
      ['apps/smsc-simulator/src/smsc-simulator.ts', "import { AuthService } from '@loa/auth';"],
      ['apps/smsc-simulator/src/smsc-simulator.ts', "import { DataSource } from 'typeorm';"],
      ['apps/smsc-simulator/src/profiles/profile.ts', "import { Client } from 'pg';"],
      ['apps/smsc-simulator/src/smsc-simulator.spec.ts', "import { Client } from 'pg';"],
    ])('refuses %s: %s', (file, code) => expectRefused([file, code], reason));
    it.each<Case>([
      ['apps/smsc-simulator/src/smsc-simulator.ts', "import { smppPackage } from '@loa/smpp';"],
      ['apps/smsc-simulator/src/smsc-simulator.ts', "import { loadCarriers } from '@loa/config';"],
      ['apps/smsc-simulator/test/smsc-simulator.e2e-spec.ts', "import { createTestDatabase } from '@loa/testing';"],
      ['apps/dispatcher/src/dispatcher.ts', "import { DataSource } from 'typeorm';"],
    ])('accepts %s: %s', (file, code) => expectAccepted([file, code]));
  });

  describe('no library imports an application', () => {
    const reason = /A library never imports an application/;
    it.each<Case>([
      ['libs/campaigns/src/campaigns.service.ts', "import { DispatcherModule } from '@loa/dispatcher';"],
      ['libs/reporting/src/reporting.service.ts', "import { AppModule } from '@loa/api';"],
      ['libs/demo/src/demo-seed.ts', "import { SmscSimulator } from '@loa/smsc-simulator';"],
      ['libs/bench/src/benchmark.ts', "const cli = require('@loa/cli');"],
      ['libs/database/src/database.module.ts', "import { main } from 'loa/apps/cli/src/main';"],
    ])('refuses %s: %s', (file, code) => expectRefused([file, code], reason));
    it.each<Case>([
      ['libs/campaigns/src/campaigns.service.ts', "import { TemplatesService } from '@loa/templates';"],
      ['libs/campaigns/src/campaigns.e2e-spec.ts', "import { DispatcherModule } from '@loa/dispatcher';"],
      ['libs/campaigns/test/harness.ts', "import { SmscSimulator } from '@loa/smsc-simulator';"],
      ['apps/cli/src/main.ts', "import { DispatcherModule } from '@loa/dispatcher';"],
    ])('accepts %s: %s', (file, code) => expectAccepted([file, code]));
  });

  describe('a library reaches another one only through its @loa/ name, never a relative path', () => {
    const reason = /only through its @loa\/ name/;
    it.each<Case>([
      ['libs/campaigns/src/campaigns.service.ts', "import { TemplatesService } from '../../templates/src';"],
      ['libs/campaigns/src/campaigns.service.ts', "export * from './../../templates/src/template';"],
      ['libs/campaigns/src/engine/plan.ts', "import { Template } from '../../../templates/src/template';"],
      ['libs/campaigns/src/engine/plan.ts', "import { Template } from '../../..';"],
      ['libs/campaigns/src/campaigns.spec.ts', "import { Template } from '../../templates/src/template';"],
      ['libs/campaigns/src/campaigns.service.ts', "import { config } from '../../../config/defaults.json';"],
      ['libs/sms/src/sms-codec.ts', "import { newPdu } from '../../smpp/src/smpp-package';"],
      ['libs/smpp/src/carrier-link.ts', "const sms = await import('../../sms/src');"],
    ])('refuses %s: %s', (file, code) => expectRefused([file, code], reason));
    it.each<Case>([
      ['libs/campaigns/src/campaigns.service.ts', "import { Campaign } from './campaign';"],
      ['libs/campaigns/src/engine/plan.ts', "import { Campaign } from '../campaign';"],
      ['libs/campaigns/src/campaigns.service.ts', "import { TemplatesService } from '@loa/templates';"],
      ['libs/campaigns/test/harness.ts', "import { Campaign } from '../src/campaign';"],
      ['apps/cli/src/commands/bench.command.ts', "import { ALL_BENCHMARKS } from '../benchmarks';"],
    ])('accepts %s: %s', (file, code) => expectAccepted([file, code]));
  });
});
