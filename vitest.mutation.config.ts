import { defineConfig } from 'vitest/config';

// Mutation testing runs the unit project alone: the domain modules it mutates are pure, and the other
// projects (DynamoDB Local, CDK synth, the whole stack) would make each of thousands of runs take seconds.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export default defineConfig({
  test: { include: ['test/unit/**/*.test.ts'] },
});
