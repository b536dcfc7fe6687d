// Opportunities in the one table: each beside its customer (so the customer's whole story is one
// Query), with its history; found by id, by owner and, for the pipeline, by stage.

import type { Ownership } from '../../shared/access.js';
import { readFollowingMerge } from '../../shared/customer.js';
import { findById } from '../../shared/db.js';
import { defineEntity, fromItem } from '../../shared/entity.js';
import type { Money } from '../../shared/money.js';
import { type Filter, queryAll } from '../../shared/query.js';
import { byAssignee, byState } from '../../shared/table.js';
import type { Stage } from './domain/stages.js';
import { opportunitiesKeys } from './keys.js';

export interface Opportunity {
  opportunityId: string;
  customerId: string;
  name: string;
  amount: Money;
  /** The stage: named `status` as on every entity that moves through a lifecycle. */
  status: Stage;
  seq: number;
  /** Percent, 0–100: the stage's default unless the owner set it for this stage. */
  probability: number;
  probabilitySet?: boolean;
  /** An Istanbul calendar date. */
  expectedCloseDate: string;
  ownerId: string;
  /** The owner's team when it was opened: whose manager sees it. */
  teamId?: string;
  /** The lead it was converted from. */
  leadId?: string;
  quoteIds: string[];
  lostReason?: string;
  /** The accepted quote that won it. */
  wonQuoteId?: string;
  closedAt?: string;
  createdAt: string;
  updatedAt: string;
}

export const opportunities = defineEntity<Opportunity>({
  type: 'opportunity',
  key: (o) => opportunitiesKeys.opportunity(o.customerId, o.opportunityId),
  indexes: (o) => ({
    ...opportunitiesKeys.opportunityById(o.opportunityId),
    ...opportunitiesKeys.opportunitiesByOwner(o.ownerId, o.createdAt, o.opportunityId),
    ...opportunitiesKeys.opportunitiesByStage(o.status, o.expectedCloseDate, o.opportunityId),
  }),
});

export const opportunityOwnership = (o: Opportunity): Ownership => ({ ownerId: o.ownerId, teamId: o.teamId });

/** As stored now (strongly consistent), for a guarded move; also when its customer was merged since the id was learned. */
export const getOpportunity = (customerId: string, opportunityId: string) =>
  readFollowingMerge(customerId, (id) => opportunities.get(opportunitiesKeys.opportunity(id, opportunityId)));

/** By id alone (the API's paths): the index finds the customer, then a consistent read. */
export const findOpportunity = async (opportunityId: string): Promise<Opportunity | undefined> => {
  const customerId = (await findById(opportunitiesKeys.opportunityById(opportunityId), 'customerId'))?.customerId as
    | string
    | undefined;
  return customerId ? getOpportunity(customerId, opportunityId) : undefined;
};

/** The opportunity's moves, oldest first. */
export const getOpportunityHistory = (o: Opportunity) => opportunities.history<Stage>(o);

export interface PipelineScope {
  ownerId?: string;
  teamId?: string;
  currency?: string;
}

/**
 * Open opportunities in `stages`: one owner's from their index partition (filtered to the stages),
 * everyone else's from the stage partitions; a team or a currency is filtered.
 */
export const openOpportunities = async (
  scope: PipelineScope,
  stages: readonly Stage[],
  max = 10_000,
): Promise<Opportunity[]> => {
  const conditions: string[] = [];
  const filter: Required<Filter> = { expression: '', names: {}, values: {} };
  if (scope.ownerId) {
    conditions.push(`#status IN (${stages.map((_, i) => `:stage${i}`).join(', ')})`);
    filter.names['#status'] = 'status';
    stages.forEach((stage, i) => {
      filter.values[`:stage${i}`] = stage;
    });
  }
  if (scope.teamId) {
    conditions.push('teamId = :team');
    filter.values[':team'] = scope.teamId;
  }
  if (scope.currency) {
    conditions.push('#amount.currency = :currency');
    filter.names['#amount'] = 'amount';
    filter.values[':currency'] = scope.currency;
  }
  filter.expression = conditions.join(' AND ');
  const items = await queryAll(
    {
      ...(scope.ownerId
        ? { index: byAssignee, partition: opportunitiesKeys.opportunitiesByOwnerPartition(scope.ownerId) }
        : {
            index: byState,
            partition: stages.flatMap((stage) => opportunitiesKeys.opportunitiesByStagePartitions(stage)),
          }),
      filter: conditions.length ? filter : undefined,
    },
    max,
  );
  return items.map((item) => fromItem<Opportunity>(item));
};
