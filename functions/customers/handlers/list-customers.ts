// GET /customers?q=&sector=&region=&city=&owner=&group=&tag=&segment=&limit=&cursor= — the directory
// by name; reps see the customers they own, managers by their reach.
import { json, route } from '../../../shared/http.js';
import { customerViewerOf } from '../customer-access.js';
import { listCustomers } from '../customer-store.js';
import { customerRoutes } from '../manifest.js';

export const handler = route(customerRoutes.listCustomers, async ({ actor, query }) =>
  json(200, await listCustomers(query, await customerViewerOf(actor))),
);
