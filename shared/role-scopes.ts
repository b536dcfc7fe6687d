// What a signed-in person may do, by the role the directory gives them. Only sign-in reads this:
// API keys carry the scopes they were created with. `admin` covers every scope, so it is held back
// from an admin who signed in without a second factor (functions/authorizer/person.ts).
import type { Role } from './http.js';
import type { Scope } from './manifest.js';

const staffReads: Scope[] = ['leads:read', 'quotes:read', 'catalogue:read', 'orders:read', 'customers:read', 'cases:read'];

const approver: Scope[] = [...staffReads, 'leads:write', 'quotes:write', 'quotes:approve', 'orders:write', 'cases:write', 'sessions:write'];

export const roleScopes: Record<Role, readonly Scope[]> = {
  rep: [...staffReads, 'leads:write', 'quotes:write', 'cases:write', 'sessions:write'],
  manager: approver,
  director: approver,
  agent: ['leads:read', 'leads:write', 'customers:read', 'orders:read', 'orders:write', 'cases:read', 'cases:write', 'sessions:write'],
  dealer: ['orders:read', 'orders:write', 'cases:read', 'cases:write', 'sessions:write'],
  admin: [...staffReads, 'admin', 'sessions:write'],
};

/** Scopes that change who may do what or the firm's rules: a person holds them only after MFA. */
export const mfaScopes: readonly Scope[] = ['admin', 'routing:admin', 'catalogue:write'];
