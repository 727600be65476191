import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Time is injected: use cases take a Clock, so reading the wall clock is confined to shared/clock.ts.
const clockSyntax = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Use the injected Clock, not Date.now().',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Use the injected Clock, not new Date().',
  },
];

// A routes file speaks HTTP only: its queries live in the module's repository, behind a use case.
const noQueryInRoutes = [
  {
    selector:
      'CallExpression[callee.property.name=/^(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|executeQuery)$/]',
    message: 'No SQL in a routes file: call a use case, whose queries live in the repository.',
  },
  {
    selector: "TaggedTemplateExpression[tag.name='sql'], TaggedTemplateExpression[tag.object.name='sql']",
    message: 'No SQL in a routes file: call a use case, whose queries live in the repository.',
  },
];

// A module reaches another only through its use cases and exported functions, never through its
// repository or its routes. `up` is the way from the importing file to src/modules/.
const otherModules = (up, { routes = true } = {}) => ({
  group: [
    `${up}*/repository`,
    `${up}*/repository.js`,
    `${up}*/repository-*`,
    ...(routes ? [`${up}*/routes*`] : []),
  ],
  message:
    "Another module's repository and routes are its own: use its use cases or exported functions (e.g. catalogue/catalogue-reads.ts).",
});
// A routes file reads nothing itself, not even its own module's repository: every read, with the
// authorization that belongs to it, is a use case.
const ownRepositoryInRoutes = {
  group: ['./repository', './repository.js', './repository-*'],
  message: 'A routes file calls use cases: move this read, with its authorization, into a use-case file.',
};
const kyselyInRoutes = {
  name: 'kysely',
  allowTypeImports: true,
  message: 'No SQL in a routes file: call a use case, whose queries live in the repository.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'data/**',
      'web/dist/**',
      'web/dist.next/**',
      'dist/**',
      'dist.*.tmp/**',
      'test-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', ...clockSyntax],
      'no-console': 'error',
    },
  },
  { files: ['src/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'error' } },
  // Kysely's documented convention: a migration takes Kysely<any>, as it must not depend on today's schema.
  { files: ['src/db/migrations/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['src/modules/*/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [otherModules('../')] }] },
  },
  {
    files: ['src/modules/*/*/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [otherModules('../../')] }] },
  },
  {
    // The server registers every module's routes; nothing outside a module reads its repository.
    files: ['src/*/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'drills/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['src/modules/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [otherModules('**/modules/', { routes: false })] },
      ],
    },
  },
  {
    files: ['src/modules/*/routes*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...clockSyntax, ...noQueryInRoutes],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [kyselyInRoutes], patterns: [otherModules('../'), ownRepositoryInRoutes] },
      ],
    },
  },
  {
    files: [
      'scripts/**',
      'bench/**',
      'drills/**',
      'src/shared/clock.ts',
      'src/shared/ids.ts',
      '**/*.test.ts',
      'test/**',
    ],
    rules: { 'no-restricted-syntax': 'off', 'no-console': 'off' },
  },
  // The web application runs in the browser, where "now" is the browser's own clock; the Clock rule is the server's.
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-syntax': 'off',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['web/e2e/**', 'web/*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
);
