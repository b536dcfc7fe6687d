// Every use case the CRM runs. The CDK stack and the local runtime both read this list.
import type { FunctionDeclaration, UseCaseManifest } from '../shared/manifest.js';
import { activitiesUseCase } from './activities/manifest.js';
import { agreementsUseCase } from './agreements/manifest.js';
import { analytics } from './analytics/manifest.js';
import { apiDocs } from './api-docs/manifest.js';
import { signIn } from './authorizer/manifest.js';
import { callCenter } from './call-center/manifest.js';
import { callLists } from './call-lists/manifest.js';
import { campaignsUseCase, permissionMarketing } from './campaigns/manifest.js';
import { catalogue } from './catalogue/manifest.js';
import { channels } from './channels/manifest.js';
import { complaintEscalation } from './complaint-escalation/manifest.js';
import { amazonConnect } from './connect/manifest.js';
import { customerRecord } from './customer-record/manifest.js';
import { customersUseCase } from './customers/manifest.js';
import { erpUseCase } from './erp/manifest.js';
import { instalments } from './instalments/manifest.js';
import { iys } from './iys/manifest.js';
import { leadCapture } from './lead-capture/manifest.js';
import { letters } from './letters/manifest.js';
import { loyalty } from './loyalty/manifest.js';
import { mcp } from './mcp/manifest.js';
import { opportunitiesUseCase } from './opportunities/manifest.js';
import { orderRouting } from './order-routing/manifest.js';
import { peopleUseCase } from './people/manifest.js';
import { privacy } from './privacy/manifest.js';
import { quoteApproval } from './quote-approval/manifest.js';
import { recipes } from './recipes/manifest.js';
import { recordLookup } from './record-lookup/manifest.js';
import { unitInbox } from './unit-inbox/manifest.js';
import { webhooks } from './webhooks/manifest.js';

export const useCases: UseCaseManifest[] = [
  leadCapture,
  catalogue,
  recipes,
  quoteApproval,
  orderRouting,
  erpUseCase,
  instalments,
  complaintEscalation,
  customersUseCase,
  customerRecord,
  apiDocs,
  // call-center requests to dealers
  callCenter,
  // opportunities
  opportunitiesUseCase,
  // campaigns
  campaignsUseCase,
  // permission marketing (subscriptions)
  permissionMarketing,
  // activities
  activitiesUseCase,
  // analytics
  analytics,
  // sign-in for people
  signIn,
  // people and keys managed over the API (admin)
  peopleUseCase,
  // privacy (KVKK): access requests and erasure
  privacy,
  // a unit's inbox
  unitInbox,
  // one lookup by any spoken number (the console's search box)
  recordLookup,
  // outbound webhooks (integrations)
  webhooks,
  // Amazon Connect's caller lookup (integrations)
  amazonConnect,
  // the Model Context Protocol server for AI agents (integrations)
  mcp,
  // loyalty points, rewards and coupons
  loyalty,
  // texts, preferred channels and notices
  channels,
  // İYS: the consent ledger kept in step with the national register
  iys,
  agreementsUseCase,
  letters,
  callLists,
];

/** Platform functions that are not use cases: they carry every use case's traffic. */
export const platform = {
  authorizer: {
    entry: 'functions/authorizer/handler.ts',
    description: "Checks bearer keys and people's sign-in tokens, and scopes, for every non-public route",
    uses: { table: 'read', userPool: 'verify' },
  },
  outboxRelay: {
    entry: 'functions/outbox-relay/handler.ts',
    description: 'Publishes outbox items from the table stream to the crm bus',
    // Reads the table's stream and puts events on the bus: the stack grants both to the relay alone.
    uses: {},
  },
} satisfies Record<string, FunctionDeclaration>;

/** Each integration's quota and throttle, keyed by the usage identifier the authorizer returns. */
export const publicRateLimitPer5Minutes = 300;

/** How long API Gateway keeps the authorizer's answer for one Authorization header. */
export const authorizerCacheSeconds = 300;
