// GET /dealers — the directory's dealers by name, for choosing a customer's preferred dealer (the
// desk's new-customer form); a dealer's name and cities only, never its people or addresses.
import { unitsOfKind } from '../../../shared/directory.js';
import { json, route } from '../../../shared/http.js';
import { requestRoutes } from '../manifest.js';

export const handler = route(requestRoutes.listDealers, async () => {
  const dealers = (await unitsOfKind('dealer')).sort((a, b) => a.name.localeCompare(b.name, 'tr'));
  return json(200, { dealers: dealers.map(({ unitId, name, cities }) => ({ unitId, name, cities })) });
});
