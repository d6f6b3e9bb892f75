import { defineConfig } from 'vitest/config';

/** Browser end-to-end tests (`npm run test:e2e`): need Debian's chromium at CHROMIUM_PATH or /usr/bin/chromium. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
