import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// The dependency rules of DESIGN.md and STYLE.md, checked on the sources (no lint tool needed for this).
const ROOT = join(process.cwd());
const APPS = ['api', 'cli', 'dispatcher', 'smsc-simulator'];
const IMPORT = /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

interface SourceFile {
  path: string;
  imports: string[];
}

function sourcesUnder(folder: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = relative(ROOT, join(entry.parentPath, entry.name));
    const text = readFileSync(join(ROOT, path), 'utf8');
    files.push({ path, imports: [...text.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? match[3]) });
  }
  return files;
}

/** "file: import" for every import of `files` that `forbidden` refuses. */
function violations(files: SourceFile[], forbidden: (specifier: string, file: SourceFile) => boolean): string[] {
  return files.flatMap((file) => file.imports.filter((specifier) => forbidden(specifier, file)).map((specifier) => `${file.path}: ${specifier}`));
}

// Tests and benchmarks sit beside the code they exercise and may reach for the harnesses.
const isSpec = (file: SourceFile) => /\.((e2e-)?spec|bench)\.ts$/.test(file.path) || file.path.includes('/test/');
const libs = sourcesUnder('libs');
const apps = sourcesUnder('apps');
const libSources = (name: string) => libs.filter((file) => file.path.startsWith(`libs/${name}/`) && !isSpec(file));

describe('module boundaries', () => {
  it('finds the sources it checks', () => {
    expect(libSources('smpp').length).toBeGreaterThan(5);
    expect(libSources('sms').some((file) => file.imports.length > 0)).toBe(true);
  });

  it('lets only libs/smpp import the smpp package', () => {
    expect(violations([...libs, ...apps], (specifier, file) => specifier === 'smpp' && !file.path.startsWith('libs/smpp/'))).toEqual([]);
  });

  it('keeps libs/sms pure: no Loa library, framework, database or network', () => {
    const impure = /^(@loa\/|@nestjs\/|typeorm$|pg$|node:(net|http|fs|child_process)$)/;
    expect(violations(libSources('sms'), (specifier) => impure.test(specifier))).toEqual([]);
  });

  it('keeps libs/smpp off the database and Nest: it builds on libs/sms alone', () => {
    const outside = /^(@loa\/(?!sms$)|@nestjs\/|typeorm$|pg$)/;
    expect(violations(libSources('smpp'), (specifier) => outside.test(specifier))).toEqual([]);
  });

  it('keeps the simulator off the database', () => {
    const database = /^(@loa\/(database|delivery|campaigns|subscribers|templates|auth)$|typeorm$|pg$)/;
    expect(violations(apps.filter((file) => file.path.startsWith('apps/smsc-simulator/src/')), (specifier) => database.test(specifier))).toEqual([]);
  });

  it('never lets a library import an application', () => {
    const application = new RegExp(`^@loa/(${APPS.join('|')})$`);
    expect(violations(libs.filter((file) => !isSpec(file)), (specifier) => application.test(specifier) || specifier.includes('apps/'))).toEqual([]);
  });

  it('crosses into another library only through its @loa/ name, never a deep relative path', () => {
    const deep = (specifier: string, file: SourceFile) => {
      if (!specifier.startsWith('.')) return false;
      const target = relative(ROOT, join(ROOT, file.path, '..', specifier));
      const [fileTop, fileName] = file.path.split('/');
      const [targetTop, targetName] = target.split('/');
      return fileTop === 'libs' && (targetTop !== 'libs' || targetName !== fileName);
    };
    expect(violations(libs, deep)).toEqual([]);
  });
});
