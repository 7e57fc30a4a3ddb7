import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { SubscriberImports1764000001000 } from './1764000001000-subscriber-imports';

/** Every migration in order; listed explicitly so they run the same from TypeScript (tests) and dist/. */
export const migrations = [InitialSchema1764000000000, SubscriberImports1764000001000];
