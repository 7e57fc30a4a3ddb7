// ESLint (flat config). A dotfile because the top level of the repo holds only the layout's folders and files.
// Run with `npm run lint`; libs/testing/src/module-boundaries.spec.ts proves the boundary rules below refuse
// each kind of violation.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// ---- Module boundaries (DESIGN.md, Layout) ------------------------------------------------------------
// Each boundary is a regular expression over the import specifier. ESLint replaces a rule's options with
// those of the last config object that matches a file (it does not merge them), so the objects generated
// below are zones, and each zone lists every boundary that holds in it.

const APPS = ['api', 'cli', 'dispatcher', 'smsc-simulator'];

const boundary = (regex, message) => ({ regex, message });

const ONLY_LIBS_SMPP_IMPORTS_SMPP = boundary('^smpp$', 'Only libs/smpp imports the smpp package: use @loa/smpp.');
const SMS_IS_PURE = boundary(
  '^(@loa/|@nestjs/|typeorm$|pg$|(node:)?(net|http|fs|child_process)$)',
  'libs/sms is pure: no Loa library, framework, database, network or file system.',
);
const COMMON_IS_PURE = boundary(
  '^(@loa/|@nestjs/|typeorm$|pg$|(node:)?(net|http|fs|child_process)$)',
  'libs/common is pure: shared definitions only, no Loa library, framework, database, network or file system.',
);
const SMPP_BUILDS_ON_SMS_ALONE = boundary(
  '^(@loa/(?!(sms|common)$)|@nestjs/|typeorm$|pg$)',
  'libs/smpp builds on @loa/sms (and the definitions of @loa/common) alone: no other Loa library, Nest or database.',
);
const SIMULATOR_HAS_NO_DATABASE = boundary(
  '^(@loa/(database|delivery|campaigns|subscribers|templates|auth)$|typeorm$|pg$)',
  'The SMSC simulator never touches the database.',
);
const NO_LIBRARY_IMPORTS_AN_APP = boundary(`^@loa/(${APPS.join('|')})$|apps/`, 'A library never imports an application.');
/** For a file `depth` folders below libs/<name>/: a relative path that climbs out of libs/<name>. */
const leavesTheLibrary = (depth) =>
  boundary(
    `^(\\./)?(\\.\\.(/|$)){${depth + 1},}`,
    'A library reaches another library only through its @loa/ name, never a relative path out of its own folder.',
  );

// Tests and benchmarks sit beside the code they exercise and may reach for the harnesses.
const SPECS = ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.bench.ts', '**/*.bench-entry.ts', 'apps/cli/bench/**', '**/test/**'];
// Deepest folder nesting under libs/<name>/ the relative-path boundary covers (today's deepest is 2).
const MAX_DEPTH = 8;

/** The rules that refuse `boundaries` in static imports and exports, `import x = require()`, `import()`, `require()` and `import('…')` types. */
function refuse(boundaries) {
  const selector = (regex) => regex.replaceAll('/', '\\/');
  return {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: boundaries.map(({ regex, message }) => ({ regex, message, caseSensitive: true })) }],
    'no-restricted-syntax': [
      'error',
      ...boundaries.flatMap(({ regex, message }) => [
        { selector: `:matches(ImportExpression, TSImportType)[source.value=/${selector(regex)}/u]`, message },
        { selector: `CallExpression[callee.name='require'][arguments.0.value=/${selector(regex)}/u]`, message },
      ]),
    ],
  };
}

/** Two zones for the files matched by `glob`: its sources, and its specs, benchmarks and test folders. */
function zones(glob, sources, specs) {
  return [
    { name: `loa/boundaries ${glob}`, files: [glob], ignores: SPECS, rules: refuse(sources) },
    { name: `loa/boundaries ${glob} (specs)`, files: SPECS.map((spec) => [glob, spec]), rules: refuse(specs) },
  ];
}

function libraryZones(folder, own, ownInSpecs) {
  return Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => {
    const glob = `${folder}/${'*/'.repeat(depth)}*.ts`;
    return zones(glob, [leavesTheLibrary(depth), NO_LIBRARY_IMPORTS_AN_APP, ...own], [leavesTheLibrary(depth), ...ownInSpecs]);
  }).flat();
}

const boundaries = [
  // Applications. The simulator's tests are held to its boundary too.
  ...zones('apps/**/*.ts', [ONLY_LIBS_SMPP_IMPORTS_SMPP], [ONLY_LIBS_SMPP_IMPORTS_SMPP]),
  ...zones(
    'apps/smsc-simulator/src/**/*.ts',
    [ONLY_LIBS_SMPP_IMPORTS_SMPP, SIMULATOR_HAS_NO_DATABASE],
    [ONLY_LIBS_SMPP_IMPORTS_SMPP, SIMULATOR_HAS_NO_DATABASE],
  ),
  // Libraries: every one, then libs/sms and libs/smpp, whose zones replace the general ones.
  ...libraryZones('libs/*', [ONLY_LIBS_SMPP_IMPORTS_SMPP], [ONLY_LIBS_SMPP_IMPORTS_SMPP]),
  ...libraryZones('libs/sms', [ONLY_LIBS_SMPP_IMPORTS_SMPP, SMS_IS_PURE], [ONLY_LIBS_SMPP_IMPORTS_SMPP]),
  ...libraryZones('libs/smpp', [SMPP_BUILDS_ON_SMS_ALONE], []),
  ...libraryZones('libs/common', [ONLY_LIBS_SMPP_IMPORTS_SMPP, COMMON_IS_PURE], [ONLY_LIBS_SMPP_IMPORTS_SMPP]),
];

export default defineConfig(
  { name: 'loa/ignores', ignores: ['dist/', 'dist-bench/', '.data/', 'coverage/', 'bench-results/'] },
  {
    name: 'loa/typescript',
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      // `_`-prefixed names and the siblings of a rest element are left unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The console (apps/console, a React front end): its hooks' rules, and nothing the pages' CSP refuses.
    name: 'loa/console',
    files: ['apps/console/src/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='style']", message: 'No inline style (the CSP refuses it): use a class from styles.css.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML: render text, React escapes it.' },
      ],
    },
  },
  ...boundaries,
);
