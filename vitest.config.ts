import { defineConfig } from 'vitest/config';

export default defineConfig({
  // 'source' resolves the package's own subpaths (ratchet/stats, …) to src/ in tests, for SSR too.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
  },
});
