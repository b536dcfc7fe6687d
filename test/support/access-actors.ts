// The people the access-matrix test calls as (demo people: infra/local/demo-data.ts), with the facts
// the access model decides by. One key each is made by the e2e global setup.
import type { Role } from '../../shared/http.js';
import type { ActorFacts } from './access-model.js';

export const accessActors = {
  repOwner: { userId: 'rep-john', role: 'rep', model: 'rep', customers: 'owned', teamId: 'team-export' },
  repOther: { userId: 'rep-ayse', role: 'rep', model: 'rep', customers: 'owned', teamId: 'team-istanbul' },
  teamManager: {
    userId: 'mgr-selin',
    role: 'manager',
    model: 'manager (team)',
    customers: 'team',
    teamId: 'team-export',
  },
  firmManager: { userId: 'mgr-zeynep', role: 'manager', model: 'manager (firm)', customers: 'all' },
  director: { userId: 'dir-kemal', role: 'director', model: 'director', customers: 'all' },
  agent: { userId: 'agent-deniz', role: 'agent', model: 'agent', customers: 'all' },
  dealer: { userId: 'dealer-ankara-ali', role: 'dealer', model: 'dealer', customers: 'none', unitId: 'dealer-ankara' },
  otherDealer: {
    userId: 'dealer-izmir-ece',
    role: 'dealer',
    model: 'dealer',
    customers: 'none',
    unitId: 'dealer-izmir',
  },
  department: {
    userId: 'mgr-hakan',
    role: 'manager',
    model: 'department',
    customers: 'none',
    unitId: 'dept-customer-service',
  },
  // The demo marketer is a manager without a team: her role reaches every customer.
  marketer: { userId: 'mkt-elif', role: 'manager', model: 'marketer / analytics', customers: 'all' },
  admin: { userId: 'admin-elif', role: 'admin', model: 'admin', customers: 'all' },
  // The web shop's key: an agent's user, with only the orders scopes.
  integration: { userId: 'shop-web', role: 'agent', model: 'integration key', customers: 'all' },
} as const satisfies Record<string, ActorFacts & { role: Role; model: string }>;

export type AccessActor = keyof typeof accessActors;
