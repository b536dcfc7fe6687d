// GET /analytics/performance?from=&to=&by=rep|team  analytics:read — a team manager sees their team,
// the firm's managers and directors everyone. Without a range: this Istanbul year to date. JSON, or
// CSV with ?format=csv (or Accept: text/csv), each row saying the basis its commission was paid on.

import { viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { type CsvColumn, fieldColumns, toCsv } from '../../../shared/csv.js';
import { csvFile, json, route, wantsCsv } from '../../../shared/http.js';
import { money } from '../../../shared/money.js';
import { istanbulDate, startOfIstanbulDay } from '../../../shared/time.js';
import { salesPerformance } from '../analytics.js';
import type { PerformanceRow } from '../domain/performance.js';
import { analyticsRoutes } from '../manifest.js';

const lira = (header: keyof PerformanceRow & string): CsvColumn<PerformanceRow> => ({
  header,
  cell: (row) => money(row[header] as number, 'TRY'),
});

const columns: CsvColumn<PerformanceRow>[] = [
  ...fieldColumns<PerformanceRow>(['group', 'leadsReceived', 'contacted', 'converted']),
  { header: 'firstResponseMedianMinutes', cell: (row) => row.firstResponse.medianMinutes },
  ...fieldColumns<PerformanceRow>(['quotesSent', 'quotesWon']),
  { header: 'currency', cell: () => 'TRY' },
  lira('wonTry'),
  lira('wonNetTry'),
  lira('marginWonTry'),
  { header: 'marginWonPercent', cell: (row) => row.marginWonBp / 100 },
  ...fieldColumns<PerformanceRow>(['withoutMargin', 'commissionBasis']),
  lira('commissionTry'),
];

export const handler = route(analyticsRoutes.salesPerformance, async ({ actor, query }, event) => {
  const now = clockNow();
  const from = query.from ?? startOfIstanbulDay(`${istanbulDate(now).slice(0, 4)}-01-01`);
  const report = await salesPerformance(await viewerOf(actor), from, query.to ?? now.toISOString(), query.by);
  return wantsCsv(event, query.format) ? csvFile('sales-performance', toCsv(columns, report.rows)) : json(200, report);
});
