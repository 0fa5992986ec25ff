import { defineConfig } from 'vitest/config';

// Three projects so a pure-logic run never starts Java: `vitest run --project unit`.
// Integration and e2e share one DynamoDB Local, started once by the global setup.
export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest-report.json' }]],
    projects: [
      // The page's message catalogues, which the browser loads as chunks, registered for its model's tests.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], setupFiles: ['test/support/catalogues.ts'] } },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/table-per-file.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
