// Every use case the CRM runs. The CDK stack and the local runtime both read this list.
import type { FunctionDeclaration, UseCaseManifest } from '../shared/manifest.js';
import { apiDocs } from './api-docs/manifest.js';
import { leadCapture } from './lead-capture/manifest.js';
import { quoteApproval } from './quote-approval/manifest.js';

export const useCases: UseCaseManifest[] = [leadCapture, quoteApproval, apiDocs];

/** Platform functions that are not use cases: they carry every use case's traffic. */
export const platform = {
  authorizer: {
    entry: 'functions/authorizer/handler.ts',
    description: 'Checks bearer keys and scopes for every non-public route',
  },
  outboxRelay: {
    entry: 'functions/outbox-relay/handler.ts',
    description: 'Publishes outbox items from the table stream to the crm bus',
  },
} satisfies Record<string, FunctionDeclaration>;

/** Each integration's quota and throttle, keyed by the usage identifier the authorizer returns. */
export const publicRateLimitPer5Minutes = 300;
