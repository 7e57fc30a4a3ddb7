import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command } from 'commander';

/** What each environment variable does, as the README's environment table says it. */
const VARIABLES: Record<string, string> = {
  DATABASE_URL: 'PostgreSQL connection string (unset: the embedded PostgreSQL of LOA_DATA_DIR)',
  LOA_DATA_DIR: 'folder of the embedded PostgreSQL and generated secrets (default .data)',
  PORT: 'API port (default 3000)',
  CARRIERS_FILE: 'carriers config, JSON or YAML (default config/carriers.json: simulated carriers)',
  JWT_SECRET: 'token signing secret, 32+ characters (all-in-one: generated per data folder)',
  LOA_DEMO_PASSWORD: "the demo users' password (default loa-demo)",
  LOA_DEMO_SUBSCRIBERS: 'synthetic subscribers seeded on a first start (default 300000)',
  LOA_LOG_FORMAT: 'pretty or json (default: pretty on a terminal)',
  LOA_LOG_LEVEL: 'log level (default info)',
};

const DATABASE = ['DATABASE_URL', 'LOA_DATA_DIR'];
const LOGS = ['LOA_LOG_FORMAT', 'LOA_LOG_LEVEL'];

/** The variables each command reads; a command not listed reads none. */
const READS: Record<string, string[]> = {
  start: [...DATABASE, 'PORT', 'CARRIERS_FILE', 'JWT_SECRET', 'LOA_DEMO_PASSWORD', 'LOA_DEMO_SUBSCRIBERS', ...LOGS],
  api: [...DATABASE, 'PORT', 'CARRIERS_FILE', 'JWT_SECRET', ...LOGS],
  dispatcher: [...DATABASE, 'CARRIERS_FILE', ...LOGS],
  simulate: ['CARRIERS_FILE', ...LOGS],
  migrate: DATABASE,
  import: DATABASE,
  'seed-demo': [...DATABASE, 'LOA_DEMO_PASSWORD', 'LOA_DEMO_SUBSCRIBERS'],
  'user add': DATABASE,
  'config check': ['CARRIERS_FILE'],
  'stats check': DATABASE,
  openapi: [],
};

/** Adds `--version` (package.json's) and, to each command's --help, the environment variables it reads. */
export function describeCommands(program: Command): void {
  program.version(packageVersion(), '-V, --version', 'print the version of Loa');
  for (const [path, variables] of Object.entries(READS)) {
    const command = find(program, path.split(' '));
    if (!command || variables.length === 0) continue;
    const width = Math.max(...variables.map((name) => name.length));
    const lines = variables.map((name) => `  ${name.padEnd(width)}  ${VARIABLES[name]}`);
    command.addHelpText('after', `\nEnvironment:\n${lines.join('\n')}`);
  }
}

function find(program: Command, words: string[]): Command | undefined {
  let command: Command | undefined = program;
  for (const word of words) command = command?.commands.find((sub) => sub.name() === word);
  return command;
}

/** dist/apps/cli/src -> the package.json at the root of the checkout. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as { version: string }).version;
}
