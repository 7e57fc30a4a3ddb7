#!/usr/bin/env node
import 'reflect-metadata';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '@loa/config';
import { DomainError } from '@loa/common';
import { describeCommands } from './command-environment';
import { describeThrown } from './error-text';
import { dispatcherTimings, preflight } from './preflight';

// Each command loads its own modules when it runs: a dispatcher process does not carry the API, the
// report exporters or the benchmarks in its memory. Before that, preflight() checks what it can without them.
const admin = () => import('./commands/admin.command.js');
const processes = () => import('./commands/processes.command.js');

// Commander's own errors (unknown command or option, missing argument) are thrown, not printed: the catch at the
// end says them in one line with the command's help to read, and exits 2. Subcommands inherit both settings.
const program = new Command('loa')
  .description('Loa: Vietnamese-safe SMS warning campaigns over SMPP 3.4')
  .exitOverride()
  .configureOutput({ writeErr: () => undefined, outputError: () => undefined });

program
  .command('start')
  .description('all-in-one: embedded PostgreSQL, demo data, simulated carriers, dispatcher and API')
  .addOption(leaseSecondsOption())
  .addOption(unmatchedReceiptSecondsOption())
  .action(async (options) => {
    const timings = dispatcherTimings(options);
    preflight({ readsCarriers: true });
    return (await import('./commands/start.command.js')).startAllInOne(timings);
  });
program
  .command('api')
  .description('the admin REST API')
  .action(async () => {
    preflight({ needsDatabaseUrl: 'loa api', readsCarriers: true });
    return (await processes()).runApi();
  });
program
  .command('dispatcher')
  .description('an SMPP dispatcher (run several for scale-out)')
  .addOption(leaseSecondsOption())
  .addOption(unmatchedReceiptSecondsOption())
  .addOption(
    new Option(
      '--retention-days <n>',
      'days a finished campaign keeps its per-message rows (numbers) before they are purged; its figures stay (default: dispatcher.retentionDays in config/defaults.json)',
    ).argParser((value) => parsePositive(value, 'retention-days')),
  )
  .addOption(
    new Option(
      '--max-binds <n>',
      'bind slots of each carrier account it takes at most (default: every free one); spreads the binds over several dispatchers',
    ).argParser((value) => parsePositive(value, 'max-binds')),
  )
  .action(async (options) => {
    const timings = dispatcherTimings(options);
    preflight({ needsDatabaseUrl: 'loa dispatcher', readsCarriers: true });
    return (await import('./commands/dispatcher.command.js')).runDispatcher({ ...options, ...timings });
  });
program
  .command('simulate')
  .description('SMSC simulators for the carriers marked "simulated" in the carriers file')
  .addOption(
    new Option('--status-port <n>', 'also serve what the simulators received as JSON at http://127.0.0.1:<n>/status').argParser((value) =>
      parseCount(value, 'status-port'),
    ),
  )
  .action(async (options) => {
    preflight({ readsCarriers: true });
    return (await import('./commands/simulate.command.js')).runSimulate(options);
  });
program
  .command('migrate')
  .description('apply database migrations and synchronise provinces')
  .action(async () => {
    preflight();
    return (await processes()).runMigrate();
  });
program
  .command('import')
  .description('import subscribers from a CSV file (msisdn,carrier,province[,status])')
  .argument('<csv>', 'path of the CSV file (UTF-8, with or without BOM)')
  .option('--no-progress', 'no progress bar')
  .action(async (csv, options) => (await import('./commands/import.command.js')).runImport(csv, options));
program
  .command('seed-demo')
  .description('demo users and synthetic subscribers')
  .addOption(new Option('--subscribers <n>', 'synthetic subscribers').argParser((value) => parseCount(value, 'subscribers')).default(300_000))
  .action(async (options) => {
    preflight();
    return (await import('./commands/seed-demo.command.js')).runSeedDemo(options);
  });
program
  .command('user')
  .description('manage users')
  .command('add')
  .description('create or update a user; the password is read from standard input')
  .argument('<username>')
  .requiredOption('--role <role>', 'admin | drafter | approver | operator | viewer')
  .option('--provinces <codes>', 'comma-separated province codes (default: national scope)')
  .action(async (username, options) => (await admin()).runUserAdd(username, options));
program
  .command('config')
  .description('configuration')
  .command('check')
  .description('validate the environment and the carriers file')
  .action(async () => (await admin()).runConfigCheck());
program
  .command('stats')
  .description('report counters')
  .command('check')
  .description('recount every campaign from its messages and compare with the counters')
  .action(async () => {
    preflight();
    return (await import('./commands/stats-check.command.js')).runStatsCheck();
  });
program
  .command('openapi')
  .description('print the OpenAPI document')
  .action(async () => (await import('./commands/openapi.command.js')).runOpenApi());
program
  .command('bench')
  .description('run the benchmarks; prints a table and writes the figures as JSON')
  .option('--only <name>', 'only benchmarks whose name contains this')
  .option('--out <file>', 'where to write the JSON figures', 'bench-results/latest.json')
  .action(async (options) => (await import('./commands/bench.command.js')).runBench(options));

// The dispatcher's lease and receipt wait, for `loa dispatcher` and the all-in-one's own dispatcher. No default here:
// left out, config/defaults.json's applies (one source; see dispatcherTimings).
function leaseSecondsOption(): Option {
  return new Option(
    '--lease-seconds <n>',
    'how long messages it claims stay its own; if it dies, others send them after this (default: dispatcher.leaseSeconds in config/defaults.json)',
  ).argParser((value) => parsePositive(value, 'lease-seconds'));
}

function unmatchedReceiptSecondsOption(): Option {
  return new Option(
    '--unmatched-receipt-seconds <n>',
    'how long a receipt that matches no send waits before it is retired (and, for a message sent twice, counted as a duplicate); longer than the lease (default: dispatcher.unmatchedReceiptSeconds in config/defaults.json)',
  ).argParser((value) => parsePositive(value, 'unmatched-receipt-seconds'));
}

function parseCount(value: string, what: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new ConfigError(`--${what}: expected a whole number, got ${value}`);
  return parsed;
}

function parsePositive(value: string, what: string): number {
  const parsed = parseCount(value, what);
  if (parsed === 0) throw new ConfigError(`--${what}: expected at least 1, got 0`);
  return parsed;
}

/** Wrong password or user (28P01, 28000), no such database (3D000): DATABASE_URL is wrong, nothing to debug. */
const DATABASE_REFUSED = new Set(['28P01', '28000', '3D000']);

/**
 * What a person must fix (a command line, configuration, database, a port) exits 2 with one line; anything else is a bug: 1 with its stack.
 * The database library (TypeORM, pg, the migrations: about 1 s of CPU) is loaded only for errors that may come from it,
 * so that a mistyped command line is answered at once.
 */
function explain(error: unknown): { line: string; exitCode: number } {
  if (error instanceof CommanderError) return explainUsage(error);
  if (error instanceof ConfigError || error instanceof DomainError) return { line: oneLine(error), exitCode: 2 };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded here on purpose, see above
  const { EmbeddedDatabaseError, isDatabaseUnavailable } = require('@loa/database') as typeof import('@loa/database');
  if (error instanceof EmbeddedDatabaseError) return { line: oneLine(error), exitCode: 2 };
  if (DATABASE_REFUSED.has(String((error as { code?: unknown })?.code))) {
    return { line: `the database refused the connection (${describeThrown(error)}); check DATABASE_URL`, exitCode: 2 };
  }
  if (isDatabaseUnavailable(error)) {
    // Not a bug: say what failed (the messages carry host and port, never the password) and what to check.
    return { line: `cannot reach the database (${describeThrown(error)}); check DATABASE_URL and that PostgreSQL is running`, exitCode: 2 };
  }
  const shown = error instanceof Error && error.stack ? error.stack : describeThrown(error);
  return { line: `${shown}\n(a bug in \`${commandPath().join(' ')}\`: please report it with the command you ran)`, exitCode: 1 };
}

/** Some errors list several problems a line each (the environment): said on one line, one after the other. */
function oneLine(error: Error): string {
  return describeThrown(error).replace(/:?\s*\n\s*/g, (gap) => (gap.startsWith(':') ? ': ' : '; '));
}

/** Help and --version end well; a wrong command line is said as commander words it, with the help to read. */
function explainUsage(error: CommanderError): { line: string; exitCode: number } {
  if (error.exitCode === 0) return { line: '', exitCode: 0 };
  const command = commandPath().join(' ');
  if (error.code === 'commander.help') return { line: `\`${command}\` needs a command: see \`${command} --help\``, exitCode: 2 };
  const what = error.message
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\.$/, '');
  return { line: `${what}; see \`${command} --help\``, exitCode: 2 };
}

/** The words of the command the arguments name (`loa user add`), as far as they name one. */
function commandPath(): string[] {
  const path = ['loa'];
  let command = program;
  for (const word of process.argv.slice(2)) {
    const next = command.commands.find((sub) => sub.name() === word || sub.aliases().includes(word));
    if (!next) break;
    path.push(word);
    command = next;
  }
  return path;
}

process.on('unhandledRejection', (reason) => {
  // Node would say this too, but a rejection with no Error (undefined, a string) would come out nameless.
  process.stderr.write(`loa: ${reason instanceof Error && reason.stack ? reason.stack : describeThrown(reason)}\n(an unhandled rejection: a bug)\n`);
  process.exit(1);
});

describeCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const { line, exitCode } = explain(error);
  if (line !== '') process.stderr.write(`loa: ${line}\n`);
  process.exit(exitCode);
});
