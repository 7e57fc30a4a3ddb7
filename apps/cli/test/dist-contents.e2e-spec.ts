import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// jest runs from the repository's root (its rootDir).
const ROOT = process.cwd();
const DIST = join(ROOT, 'dist');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [relative(DIST, join(folder, entry.name))],
  );
}

// npm test builds once before the tests (npm run build); this reads what that build wrote.
describe('the product build (dist/)', () => {
  it('holds the CLI and no spec, fixture, test harness or benchmark', () => {
    expect(existsSync(join(DIST, 'apps/cli/src/main.js'))).toBe(true);
    const notProduct = filesUnder(DIST).filter((file) =>
      /(\.spec|\.e2e-spec|\.fixture|\.bench|\.bench-entry)\.js(\.map)?$|(^|\/)test\/|^libs\/(testing|bench)\/|^apps\/cli\/bench\//.test(file),
    );
    expect(notProduct).toEqual([]);
  });

  it('never loads playwright-core or the test harness from a product file', () => {
    const product = filesUnder(DIST).filter((file) => file.endsWith('.js'));
    const offenders = product.filter((file) =>
      /require\("(playwright-core|@loa\/testing|jest)"\)|libs\/testing\//.test(readFileSync(join(DIST, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
