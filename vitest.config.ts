import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Node 20 is what this machine has; the SDK's reminder that it wants 22 is noise in every test.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// The e2e stack runs its functions in the test process, whose loggers are made before the stack
// sets its own settings: tests read answers, not INFO logs and metric lines.
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

/** Checks of the code itself, not of what it does: import rules and generated files (`npm run check`). */
const staticChecks = ['test/unit/module-boundaries.test.ts', 'test/unit/generated-files.test.ts'];

// Five suites: the code's own rules, pure domain logic, DynamoDB Local, CDK synth, and the whole local
// stack over HTTP.
export default defineConfig({
  test: {
    // Vitest's default leaves one core to itself: one file at a time on two cores, while most files wait on
    // DynamoDB Local, HTTP or Chromium. Two workers overlap that waiting (each integration worker has its
    // own table; the e2e stories still run one at a time against their one stack).
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      { test: { name: 'static', include: staticChecks } },
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], exclude: staticChecks } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/dynamodb-global-setup.ts'],
          setupFiles: ['test/support/integration-env.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 600_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/stack-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // What a page shows after a click or a sweep may take seconds beside the other suites: a poll's
          // default second is too short to wait for it, not a sign that it never comes.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
