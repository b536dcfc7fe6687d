// GET /leads?status=&owner=&from=&to=&sort=&limit=&cursor= — reps see their own leads, a team's manager
// the team's, a dealer the dealer's, and the firm's managers everyone's.
// GET /leads/export with the same filter: every lead it finds, as CSV through the one CSV writer.
import { listScope, viewerOf } from '../../../shared/access.js';
import type { CsvColumn } from '../../../shared/csv.js';
import { type Actor, json, route, routes } from '../../../shared/http.js';
import { listExport } from '../../../shared/list-export.js';
import { recordNumber } from '../../../shared/record-numbers.js';
import { type Lead, type LeadQuery, listLeads } from '../lead-store.js';
import { leadRoutes } from '../manifest.js';

type Row = Lead & { number: string };
const numbered = (leads: Lead[]): Row[] =>
  leads.map((lead) => ({ ...lead, number: recordNumber('lead', lead.leadId) }));

const columns: CsvColumn<Row>[] = [
  { header: 'number', cell: (r) => r.number },
  { header: 'status', cell: (r) => r.status },
  { header: 'name', cell: (r) => r.name },
  { header: 'company', cell: (r) => r.company },
  { header: 'city', cell: (r) => r.city },
  { header: 'productInterest', cell: (r) => r.productInterest },
  { header: 'ownerType', cell: (r) => r.owner?.type },
  { header: 'ownerId', cell: (r) => r.owner?.id },
  { header: 'source', cell: (r) => r.source },
  { header: 'createdAt', cell: (r) => r.createdAt },
  { header: 'leadId', cell: (r) => r.leadId },
];

const queryOf = async (actor: Actor, query: Omit<LeadQuery, 'limit' | 'cursor' | 'ownerId'> & { owner?: string }) => {
  const { owner, ...filter } = query;
  return { ...filter, ...listScope(await viewerOf(actor), owner) };
};

const list = route(leadRoutes.listLeads, async ({ actor, query }) => {
  const page = await listLeads({ ...(await queryOf(actor, query)), limit: query.limit, cursor: query.cursor });
  return json(200, { leads: numbered(page.leads), nextCursor: page.next });
});

const exportAll = route(leadRoutes.exportLeads, async ({ actor, query: { format, ...query } }, event) => {
  const filter = await queryOf(actor, query);
  return listExport({
    event,
    format,
    name: 'leads',
    columns,
    page: async (cursor, limit) => {
      const page = await listLeads({ ...filter, limit, cursor });
      return { items: numbered(page.leads), next: page.next };
    },
  });
});

export const handler = routes([list, exportAll]);
