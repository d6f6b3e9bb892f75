// ESLint flat config. `npm run lint` = `eslint . && prettier --check .`; formatting is Prettier's alone
// (eslint-config-prettier, last, turns off every stylistic rule that could disagree with it).
//
// - @eslint/js recommended + typescript-eslint recommended everywhere, plus a few rules that catch real bugs.
// - Typed linting (projectService, tsconfig.json) for the .ts files of server/, scripts/ and test/; the typed
//   rules (no-floating-promises, no-misused-promises) are switched on for server/ only.
// - The layers of DESIGN.md §6 (see also test/architecture/layers.test.ts) with no-restricted-imports;
//   type-only imports count (allowTypeImports: false). The core rule does not see import('…') expressions or
//   `typeof import('…')` types, so the same patterns are checked there by the small local rule below.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

// ---------------------------------------------------------------------------------------------------------
// Layers. Relative specifiers only (server/ has no path aliases), so what a pattern means depends on how deep
// the importing file sits below server/: depth 0 = server/*.ts, 1 = server/x/*.ts, 2 = server/x/y/*.ts …
// Each file group gets ONE complete list (a later flat-config block replaces a rule's options, it does not merge).

const MAX_DEPTH = 4;
const SRC = '*.{ts,mts,cts,js,mjs,cjs}';
const EXT = '(?:\\.[cm]?[jt]s)?$';
/** The regex prefix of a specifier that climbs from a file at depth d exactly to server/. */
const toServer = (d) => (d === 0 ? '\\./' : `(?:\\.\\./){${d}}`);
const globAt = (room, d) => (d === 0 ? `server/${SRC}` : `server/${room}/${'*/'.repeat(d - 1)}${SRC}`);

const rule = {
  text: (d) => ({
    regex: `^${toServer(d)}`,
    message: 'server/text/ is the ground floor: it imports nothing else of server/ (DESIGN.md §6).',
  }),
  domain: (d) => ({
    regex: `^${toServer(d)}(?!(?:domain|text)/)`,
    message: 'server/domain/ may import only server/domain/ and server/text/ (DESIGN.md §6).',
  }),
  deps: (d) => ({
    regex: `^${toServer(d)}deps${EXT}`,
    message: 'Under server/, only index.ts, app.ts and http/ (for the AppDeps type) import the composition root server/deps.ts.',
  }),
  app: (d) => ({
    regex: `^${toServer(d)}app${EXT}`,
    message: 'Nothing under server/ but server/index.ts may import server/app.ts.',
  }),
  http: (d) => ({
    regex: `^${toServer(d)}http(?:/|$)`,
    message: 'server/http/ is imported by server/app.ts only.',
  }),
};

/** import('…') and `typeof import('…')`: the same patterns as no-restricted-imports. */
const local = {
  rules: {
    'no-restricted-import-expressions': {
      meta: { type: 'problem', schema: { type: 'array' }, messages: { restricted: "'{{spec}}' import is restricted: {{message}}" } },
      create(context) {
        const patterns = context.options.map((p) => ({ re: new RegExp(p.regex, 'u'), message: p.message }));
        const check = (node, src) => {
          const spec =
            src?.type === 'Literal'
              ? src.value
              : src?.type === 'TemplateLiteral' && src.expressions.length === 0
                ? src.quasis[0].value.cooked
                : null;
          if (typeof spec !== 'string') return;
          const hit = patterns.find((p) => p.re.test(spec));
          if (hit) context.report({ node, messageId: 'restricted', data: { spec, message: hit.message } });
        };
        return {
          ImportExpression: (node) => check(node, node.source),
          TSImportType: (node) => check(node, node.source ?? node.argument?.literal),
        };
      },
    },
  },
};

function restrict(files, patterns, ignores = []) {
  const list = patterns.map((p) => ({ ...p, allowTypeImports: false }));
  return {
    files,
    ignores,
    plugins: { local },
    rules: {
      'no-restricted-imports': patterns.length ? ['error', { patterns: list }] : 'off',
      'local/no-restricted-import-expressions': patterns.length ? ['error', ...patterns] : 'off',
    },
  };
}

const layerBlocks = [
  // Outside server/ (tests, scripts): no layer rule; they build the app from server/deps.ts as index.ts does.
  // server/*.ts and every room not named below: deps, app, http.
  restrict([globAt('', 0)], [rule.deps(0), rule.app(0), rule.http(0)]),
  ...Array.from({ length: MAX_DEPTH }, (_, i) => restrict([globAt('*', i + 1)], [rule.deps(i + 1), rule.app(i + 1), rule.http(i + 1)])),
  // server/http/**: may import each other and the AppDeps type of deps.ts, not app.ts.
  ...Array.from({ length: MAX_DEPTH }, (_, i) => restrict([globAt('http', i + 1)], [rule.app(i + 1)])),
  // server/text/** and server/domain/**: everything outside the allowed rooms (deps, app, http included).
  ...Array.from({ length: MAX_DEPTH }, (_, i) => restrict([globAt('text', i + 1)], [rule.text(i + 1)])),
  ...Array.from({ length: MAX_DEPTH }, (_, i) => restrict([globAt('domain', i + 1)], [rule.domain(i + 1)])),
  // The two root files with their own rights.
  restrict(['server/index.ts'], [rule.http(0)]),
  restrict(['server/app.ts'], []),
];

// ---------------------------------------------------------------------------------------------------------

export default defineConfig(
  {
    ignores: ['dist/**', 'test-artifacts/**', 'data/**', 'docs/**', '.prof/**', 'server/db/migrations/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    ignores: ['web/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['web/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'smart'],
      'no-fallthrough': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-constant-binary-expression': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['server/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...layerBlocks,
  prettier,
);
