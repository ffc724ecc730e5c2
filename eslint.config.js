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
  },
  ...astro.configs.recommended,
  {
    files: ['**/*.astro', '**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/build/*', '**/data/*', '@/build/*', '@/data/*', '@/pages/*', '@/components/*', 'astro:*', 'astro', 'node:fs', 'node:fs/*', 'fs', 'fs/*'],
              message: 'src/domain holds the archive rules, pure: no build machinery, collection queries, Astro modules or file system.',
            },
          ],
        },
      ],
    },
  },
);
