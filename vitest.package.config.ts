import { defineConfig } from 'vitest/config'

// `npm run package:check`: the app packaged as an installer would hold it, checked by listing and
// by running its files (test/package).
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    globalSetup: ['test/package/globalSetup.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
