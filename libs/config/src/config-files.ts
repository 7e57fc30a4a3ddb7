import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let projectRoot: string | undefined;

/** The repository root (the folder holding config/ and package.json), from src/ or from dist/. */
export function findProjectRoot(): string {
  if (projectRoot) return projectRoot;
  // The build is CommonJS (__dirname); the tests run as ES modules under Jest, from the project root.
  const start = typeof __dirname === 'string' ? __dirname : process.cwd();
  let dir = start;
  while (!(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'config')))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the project root (config/ and package.json) above ${start}`);
    dir = parent;
  }
  projectRoot = dir;
  return dir;
}

/** Path of a file in the project's config/ folder. */
export function configFile(name: string): string {
  return join(findProjectRoot(), 'config', name);
}
