import { movesFrom } from './domain/stages.js';
import type { Opportunity } from './opportunity-store.js';

/** What the API shows: the lifecycle's `status` as `stage`, and the moves the stage allows. */
export const opportunityView = ({ status, probabilitySet: _, ...o }: Opportunity) => ({
  ...o,
  stage: status,
  moves: movesFrom(status),
});
