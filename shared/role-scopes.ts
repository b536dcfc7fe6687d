// What a signed-in person may do, by the role the directory gives them. Only sign-in reads this:
// API keys carry the scopes they were created with. `admin` covers every scope, so it is held back
// from an admin who signed in without a second factor (functions/authorizer/person.ts).
import type { Role } from './http.js';
import type { Scope } from './manifest.js';

const staffReads: Scope[] = [
  'leads:read',
  'quotes:read',
  'catalogue:read',
  'orders:read',
  'customers:read',
  'cases:read',
  'requests:read',
  'opportunities:read',
];

/** What a rep does with their own customers: the access rule limits it to the customers they own. */
const salesWork: Scope[] = [
  'leads:write',
  'quotes:write',
  'cases:write',
  'customers:write',
  'activities:write',
  'opportunities:write',
  'sessions:write',
];

const approver: Scope[] = [
  ...staffReads,
  ...salesWork,
  'quotes:approve',
  'orders:write',
  'requests:write',
  'customers:merge',
  'analytics:read',
  'campaigns:read',
  'campaigns:write',
  // The loyalty team (marketers are managers): members' points, coupon campaigns, the reports. The
  // earning rules (`loyalty:admin`) stay with admins and keys.
  'loyalty:read',
  'loyalty:write',
];

export const roleScopes: Record<Role, readonly Scope[]> = {
  rep: [...staffReads, ...salesWork],
  manager: approver,
  director: approver,
  agent: [
    'leads:read',
    'leads:write',
    'customers:read',
    'customers:write',
    'activities:write',
    'requests:read',
    'requests:write',
    'orders:read',
    'orders:write',
    'cases:read',
    'cases:write',
    'sessions:write',
  ],
  dealer: [
    'orders:read',
    'orders:write',
    'cases:read',
    'cases:write',
    'requests:read',
    'requests:write',
    'sessions:write',
  ],
  // The firm's data protection contact answers people's KVKK requests: an admin, after MFA.
  admin: [...staffReads, 'admin', 'analytics:admin', 'sessions:write', 'privacy:read', 'privacy:erase'],
};

/** Scopes that change who may do what or the firm's rules: a person holds them only after MFA. */
export const mfaScopes: readonly Scope[] = [
  'admin',
  'routing:admin',
  'catalogue:write',
  'analytics:admin',
  // Everything about a person, or erasing them: never on a password alone.
  'privacy:read',
  'privacy:erase',
  'loyalty:admin',
];
