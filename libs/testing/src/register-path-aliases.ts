import { join } from 'node:path';
import { register } from 'tsconfig-paths';

/** Jest's global setup runs outside its module registry, so `moduleNameMapper` does not apply there. */
export function registerPathAliases(): void {
  const root = join(__dirname, '..', '..', '..');
  register({
    baseUrl: root,
    paths: {
      '@loa/migrations': ['migrations'],
      '@loa/smsc-simulator': ['apps/smsc-simulator/src'],
      '@loa/*': ['libs/*/src'],
    },
  });
}
