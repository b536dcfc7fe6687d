import { defineConfig } from 'vitest/config';

// Mutation testing runs the unit project alone: the domain modules it mutates are pure, and the other
// projects (DynamoDB Local, CDK synth, the whole stack) would make each of thousands of runs take seconds.
// The local CLI's tests start `npm start` in child processes and the PDF's lay out whole documents: they
// test tooling and rendering, not the domain, and under Stryker's load their timeouts fail the first run.
// The bilingual-messages check reads the sources as text: Stryker's instrumented copies hold every
// mutant at once (a message with one language among them), so it fails the first run and kills nothing.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    exclude: ['test/unit/local-cli.test.ts', 'test/unit/quote-pdf.test.ts', 'test/unit/bilingual-messages.test.ts'],
    testTimeout: 30_000,
  },
});
