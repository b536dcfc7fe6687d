// `npm run campaign -- status <campaignId> [--once]`: a campaign's current run, with a live progress
// line until the run ends, read from the table the environment points at (the local stack by default).
import { getCampaign } from '../../functions/campaigns/campaigns.js';
import { runProgress } from '../../functions/campaigns/sending.js';
import { useLocalTableUnlessConfigured } from './settings.js';

useLocalTableUnlessConfigured();

const [command, campaignId, flag] = process.argv.slice(2);
if (command !== 'status' || !campaignId) {
  console.error('usage: npm run campaign -- status <campaignId> [--once]');
  process.exit(2);
}

const line = async () => {
  const campaign = await getCampaign(campaignId);
  if (!campaign) {
    console.error(`No campaign ${campaignId}.`);
    process.exit(1);
  }
  const run = campaign.currentRunId ? await runProgress({ campaignId, runId: campaign.currentRunId }) : undefined;
  if (!run)
    return {
      text: `${campaign.name}: ${campaign.status}, no run yet${campaign.nextRunAt ? ` (next ${campaign.nextRunAt})` : ''}`,
      live: false,
    };
  const done = run.recipients
    ? Math.round(((run.recipients - run.remaining) / run.recipients) * 100)
    : run.status === 'done'
      ? 100
      : 0;
  const skipped = Object.entries(run.skippedBy)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
  return {
    text: `${campaign.name} [${campaign.status}/${run.status}] ${done}% · ${run.sent} sent, ${run.skipped} skipped${skipped ? ` (${skipped})` : ''}, ${run.failed} failed, ${run.remaining} left of ${run.recipients} · ${run.ratePerSecond}/s of ${run.configuredRate}/s`,
    live: run.status === 'materialising' || run.status === 'sending',
  };
};

for (;;) {
  const { text, live } = await line();
  const tty = process.stdout.isTTY;
  process.stdout.write(tty ? `\r\x1b[2K${text}` : `${text}\n`);
  if (!live || flag === '--once') break;
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
if (process.stdout.isTTY) process.stdout.write('\n');
process.exit(0);
