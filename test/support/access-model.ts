// The access model in machine-readable form: who sees which customers and which items, per role.
// docs/access-model.md carries the table `renderModelTable` makes from it (a unit test checks the
// two agree), and the access-matrix e2e test derives every expected answer from it — never from the
// code it checks.

/** Whose customers a role's people see whole (profile, contacts, consents, every part of the record). */
export type CustomerReach =
  /** Every customer. */
  | 'all'
  /** Customers whose owners include their team (a manager of a team), and their own. */
  | 'team'
  /** Customers they own (a lead, a request or a creation put them among the owners). */
  | 'owned'
  /** None as a whole: they see only the items they handle. */
  | 'none'
  /** As the role of the person (or the key's user) holding the scopes: a scope widens nothing. */
  | 'role';

export interface RoleModel {
  role: string;
  /** Who holds it. */
  who: string;
  customers: CustomerReach;
  /** Items (a case, an order) they see beyond their customers', and why. */
  items: string;
  /** What they may change. */
  changes: string;
}

export const roleModel: readonly RoleModel[] = [
  {
    role: 'rep',
    who: 'a sales rep',
    customers: 'owned',
    items: 'cases they opened; orders of their quotes',
    changes: 'their customers, leads, quotes, opportunities; cases they opened',
  },
  {
    role: 'manager (team)',
    who: 'a manager with a team',
    customers: 'team',
    items: "their team's quotes, orders of them, opportunities",
    changes: "what their team's people may change",
  },
  {
    role: 'manager (firm)',
    who: 'a manager without a team or unit (the sales manager, the marketer)',
    customers: 'all',
    items: 'every item',
    changes: 'every item their scopes allow',
  },
  {
    role: 'director',
    who: 'a director',
    customers: 'all',
    items: 'every item',
    changes: 'every item their scopes allow',
  },
  {
    role: 'agent',
    who: 'a call-center agent (answers any caller)',
    customers: 'all',
    items: 'cases they opened; requests they recorded',
    changes: 'cases they opened, requests they recorded',
  },
  {
    role: 'dealer',
    who: "a dealer's people (unit)",
    customers: 'none',
    items: 'orders, cases and requests routed to their dealer, each with its contact details',
    changes: 'those items only (acknowledge, ship, deliver…); nothing once routed elsewhere',
  },
  {
    role: 'department',
    who: "a department's people (a manager placed in a unit)",
    customers: 'none',
    items: 'cases routed to their department, each with its contact details',
    changes: 'those cases only',
  },
  {
    role: 'marketer / analytics',
    who: 'holders of campaigns, loyalty or analytics scopes (marketers, managers and directors at sign-in)',
    customers: 'role',
    items: 'counts firm-wide; names only of customers their role reaches',
    changes: 'segments, templates, campaigns; coupon campaigns and members’ points (loyalty:write)',
  },
  {
    role: 'admin',
    who: 'an administrator',
    customers: 'all',
    items: 'every item',
    changes: 'people, keys, rules; customer data only by erasing a person at their request (privacy:erase)',
  },
  {
    role: 'integration key',
    who: 'a key issued to a system (shop, ERP), acting as its user',
    customers: 'role',
    items: "its user's role and placement decide; an order it submitted is not its own",
    changes: 'what its scopes allow on what it reaches',
  },
];

/** The kinds of item the matrix checks, and who besides the customer's relationship owners sees each. */
export const itemRules = {
  /** A case: its unit (a department or dealer) and whoever opened it (an agent follows the caller's case). */
  case: { unit: true, opener: true, submitter: false },
  /** An order: its unit; its quote's owner and team for an order from a quote; never who submitted it. */
  order: { unit: true, opener: false, submitter: false },
} as const;

/** Who an actor is, as the model needs it. */
export interface ActorFacts {
  customers: Exclude<CustomerReach, 'role'>;
  userId: string;
  teamId?: string;
  unitId?: string;
}

/** Whose a customer is. */
export interface CustomerFacts {
  ownerIds: readonly string[];
  teamIds: readonly string[];
}

/** The model's answer: does the actor see the customer's record whole. */
export const seesRecord = (actor: ActorFacts, customer: CustomerFacts) =>
  actor.customers === 'all' ||
  customer.ownerIds.includes(actor.userId) ||
  (actor.customers === 'team' && actor.teamId !== undefined && customer.teamIds.includes(actor.teamId));

/** The model's answer for one item of a customer. */
export const seesItem = (
  actor: ActorFacts,
  customer: CustomerFacts,
  kind: keyof typeof itemRules,
  item: { unitId: string; openedBy?: string; submittedBy?: string },
) => {
  const rule = itemRules[kind];
  return (
    seesRecord(actor, customer) ||
    (rule.unit && item.unitId === actor.unitId) ||
    (rule.opener && item.openedBy === actor.userId) ||
    (rule.submitter && item.submittedBy === actor.userId)
  );
};

const reachWords: Record<CustomerReach, string> = {
  all: 'every customer',
  team: "their team's and their own",
  owned: 'those they own',
  none: 'none whole',
  role: 'as their role: names only within it (a placement with every customer names all)',
};

/** The table docs/access-model.md shows, between its `access-model:table` markers. */
export const renderModelTable = () =>
  [
    '| Role | Who | Customers seen whole | Items seen besides | Changes |',
    '| --- | --- | --- | --- | --- |',
    ...roleModel.map((r) => `| ${r.role} | ${r.who} | ${reachWords[r.customers]} | ${r.items} | ${r.changes} |`),
  ].join('\n');
