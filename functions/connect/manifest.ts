import type { UseCaseManifest } from '../../shared/manifest.js';
import { connectProblems } from './problems.js';

export const amazonConnect: UseCaseManifest = {
  name: 'connect',
  problems: connectProblems,
  functions: {
    callerLookup: {
      entry: 'functions/connect/handlers/caller-lookup.ts',
      description: "Amazon Connect contact flows: the caller's customer record as flat attributes",
      // Connect waits 8 s at most; the lookup answers "unknown" after 6 s rather than fail the flow.
      timeoutSeconds: 8,
      uses: { table: 'read' },
      invokedBy: 'amazon-connect',
    },
  },
  routes: [],
  subscriptions: [],
  schedules: [],
};
