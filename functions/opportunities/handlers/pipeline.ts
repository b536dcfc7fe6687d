// GET /pipeline?owner=&team=&currency= — open opportunities by owner and stage, with the weighted forecast.
import { viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { opportunityRoutes } from '../manifest.js';
import { pipelineFor } from '../pipeline.js';

export const handler = route(opportunityRoutes.pipeline, async ({ actor, query }) =>
  json(200, await pipelineFor(await viewerOf(actor), query)),
);
