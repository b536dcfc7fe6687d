// GET /pipeline's reads: the open opportunities the viewer reaches, summed by owner and stage with
// the catalogue's FX rates of today (as quotes convert), and an opportunity's cost and margin from
// the figures its quotes priced.

import { listScope, type Viewer } from '../../shared/access.js';
import { clockNow } from '../../shared/clock.js';
import { ForbiddenError } from '../../shared/problems.js';
import { istanbulDate } from '../../shared/time.js';
import { convertOn, FxRateNotFoundError, getFxRates } from '../catalogue/public.js';
import { getQuote } from '../quote-approval/public.js';
import { costAnalysis } from './domain/cost-analysis.js';
import { type Pipeline, pipelineOf, type ToTry } from './domain/forecast.js';
import { openStages } from './domain/stages.js';
import { type Opportunity, openOpportunities } from './opportunity-store.js';

export interface PipelineQuery {
  owner?: string;
  team?: string;
  currency?: string;
}

/** Reps: their own. Team managers: their team (or one owner in it). Directors and the firm's managers: anyone, any team. */
const scopeOf = (viewer: Viewer, query: PipelineQuery) => {
  const scope = listScope(viewer, query.owner);
  if (query.team && viewer.reach !== 'all' && query.team !== viewer.teamId) {
    throw new ForbiddenError({
      en: "Only a team's manager, or a director, may see that team's pipeline.",
      tr: 'Bir ekibin satış hunisini yalnızca o ekibin yöneticisi veya bir direktör görebilir.',
    });
  }
  return {
    ownerId: scope.ownerId,
    teamId: query.team ?? ('teamId' in scope ? scope.teamId : undefined),
    unitId: 'unitId' in scope ? scope.unitId : undefined,
  };
};

export const pipelineFor = async (
  viewer: Viewer,
  query: PipelineQuery,
  now = clockNow(),
): Promise<Pipeline & { asOf: string }> => {
  const scope = scopeOf(viewer, query);
  // A dealer's or department's people have no opportunities: a unit's pipeline is empty.
  const found = scope.unitId
    ? []
    : await openOpportunities({ ownerId: scope.ownerId, teamId: scope.teamId, currency: query.currency }, openStages);
  const asOf = istanbulDate(now);
  const rates = await getFxRates([...new Set(found.map((o) => o.amount.currency))], asOf);
  const toTry: ToTry = (m) => {
    try {
      return convertOn(m, 'TRY', rates, asOf);
    } catch (error) {
      if (error instanceof FxRateNotFoundError) return undefined;
      throw error;
    }
  };
  return { asOf, ...pipelineOf(found, openStages, toTry) };
};

/** The opportunity's quotes as they are now, with their cost and margin. */
export const costOf = async (o: Opportunity) => {
  const quotes = await Promise.all(o.quoteIds.map((quoteId) => getQuote(o.customerId, quoteId)));
  return costAnalysis(quotes.filter((q) => q !== undefined));
};
