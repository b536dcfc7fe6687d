// Nightly: every balance against the sum of its entries; the differences are stored and logged.
import { logger } from '../../../shared/observability.js';
import { scheduledHandler } from '../../../shared/scheduled.js';
import { reconcile } from '../jobs.js';

export const handler = scheduledHandler('reconcile-ledger', async (now) => {
  const report = await reconcile(now);
  // Ids and counts only: a difference is an operator's to look into.
  if (report.differences.length) logger.error('Loyalty balances differ from their entries', { report });
  return { accounts: report.accounts, differences: report.differences.length };
});
