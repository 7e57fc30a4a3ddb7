import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Benchmark } from '@loa/bench';
import { findProjectRoot } from '@loa/config';

/** The console's first-load budget (issue 22): the JS and CSS its index page loads, gzip-compressed. */
const BUDGET_KB = 300;

/** The scripts and stylesheets index.html loads (Vite writes them as /assets/… links). */
export function firstLoadFiles(indexHtml: string): string[] {
  const links = [...indexHtml.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="\/([^"]+)"/g)].map((match) => match[1]);
  return links.filter((path) => path.endsWith('.js') || path.endsWith('.css'));
}

export const consoleBenchmarks: Benchmark[] = [
  {
    name: 'console.first-load',
    description: "gzip size of the JS and CSS the console's index page loads (dist/console, from npm run build)",
    async run() {
      const dir = join(findProjectRoot(), 'dist', 'console');
      const index = join(dir, 'index.html');
      if (!existsSync(index)) throw new Error(`no console build at ${dir}: run npm run build first`);
      const files = firstLoadFiles(readFileSync(index, 'utf8'));
      const sizes = files.map((file) => ({ raw: readFileSync(join(dir, file)).length, gzip: gzipSync(readFileSync(join(dir, file))).length }));
      const gzip = sizes.reduce((sum, size) => sum + size.gzip, 0);
      const raw = sizes.reduce((sum, size) => sum + size.raw, 0);
      return [
        {
          name: 'console.first-load',
          value: Math.round(gzip / 102.4) / 10,
          unit: 'kB gzip',
          budget: BUDGET_KB,
          better: 'lower',
          note: `${files.length} files, ${Math.round(raw / 1024)} kB before compression`,
        },
      ];
    },
  },
];
