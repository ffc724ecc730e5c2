// @ts-check
/**
 * Type-aware linting for TypeScript and Astro files; `npm run check` runs it with --max-warnings 0.
 * The archive's rules in src/domain stay pure: they may not import build machinery, the data module,
 * Astro's virtual modules or the file system (docs/architecture.md).
 */
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.dist.staging/', '.astro/', 'node_modules/', 'tmp/', 'coverage/', 'public/', 'scripts/bench/hugo/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A leading underscore names what is deliberately left unused (a destructured field dropped, a callback's parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // An async function that does not await is how an interface's Promise-returning method is written; no bug class here.
      '@typescript-eslint/require-await': 'off',
    },
  },
  ...astro.configs.recommended,
  {
    files: ['**/*.astro', '**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['tests/**/*.ts'],
    // Vitest's asymmetric matchers (expect.any, expect.stringContaining) are typed any.
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/build/*',
                '**/data/*',
                '@/build/*',
                '@/data/*',
                '@/pages/*',
                '@/components/*',
                'astro:*',
                'astro',
                'node:fs',
                'node:fs/*',
                'fs',
                'fs/*',
              ],
              message: 'src/domain holds the archive rules, pure: no build machinery, collection queries, Astro modules or file system.',
            },
          ],
        },
      ],
    },
  },
);
