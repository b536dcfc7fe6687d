// GET /reports/quotes?from=2026-01-01&to=2026-12-31&period=month|quarter|year&owner= — per rep and
// period: quotes sent, accepted, success rate, quoted and won in each currency and in TRY, average
// discount and margin; and the same for everyone together. A quote counts in the period it was sent.

import { viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { json, route } from '../../../shared/http.js';
import { afterTo, monthsAtATime } from '../../../shared/messages.js';
import { ForbiddenError, ValidationError } from '../../../shared/problems.js';
import {
  addMonths,
  istanbulDate,
  istanbulMonth,
  lastInstantOfIstanbulDay,
  monthsBetween,
  startOfIstanbulDay,
} from '../../../shared/time.js';
import { quoteReport } from '../domain/reports.js';
import { quoteRoutes } from '../manifest.js';
import { sentInMonths } from '../quote-store.js';

const MAX_MONTHS = 36;

export const handler = route(quoteRoutes.quoteReports, async ({ actor, query }) => {
  const viewer = await viewerOf(actor);
  // By default the twelve Istanbul months up to the end of today.
  const to = query.to ?? lastInstantOfIstanbulDay(istanbulDate(clockNow()));
  const from = query.from ?? startOfIstanbulDay(addMonths(`${istanbulMonth(to)}-01`, -11));
  if (from > to) throw new ValidationError([{ path: 'from', message: afterTo }]);
  const months = monthsBetween(from, to);
  if (months.length > MAX_MONTHS) throw new ValidationError([{ path: 'from', message: monthsAtATime(MAX_MONTHS) }]);
  const me = viewer.actor.userId;
  if (viewer.reach === 'own' && query.owner && query.owner !== me) {
    throw new ForbiddenError({
      en: "Only managers may see other people's figures.",
      tr: 'Başkalarının rakamlarını yalnızca yöneticiler görebilir.',
    });
  }
  const entries = (await sentInMonths(months)).filter((entry) => {
    const sent = new Date(entry.sentAt!).toISOString();
    if (sent < from || sent > to) return false;
    if (viewer.reach === 'own' && entry.owner !== me) return false;
    if (viewer.reach === 'team' && entry.teamId !== viewer.teamId && entry.owner !== me) return false;
    return !query.owner || entry.owner === query.owner;
  });
  return json(200, {
    from,
    to,
    period: query.period,
    byRep: quoteReport(entries, query.period),
    overall: quoteReport(
      entries.map((entry) => ({ ...entry, owner: '*' })),
      query.period,
    ),
  });
});
