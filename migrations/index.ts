import { InitialSchema1764000000000 } from './1764000000000-initial-schema';

/** Every migration in order; listed explicitly so they run the same from TypeScript (tests) and dist/. */
export const migrations = [InitialSchema1764000000000];
