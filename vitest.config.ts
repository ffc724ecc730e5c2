import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) };

/**
 * Three projects, one run: `unit` tests pure logic, `build` reads the real
 * dist/ that `npm test` builds first, `e2e` drives Debian's Chromium against
 * dist/ served on 127.0.0.1.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'], testTimeout: 30_000 } },
      { resolve: { alias }, test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 120_000 } },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/e2e-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: two cores are shared with the server.
          fileParallelism: false,
        },
      },
    ],
  },
});
