// `npm run ses-event -- bounce|soft-bounce|complaint|delivery|open|click|reject <messageId> [--campaign <id>]`
// against a running `npm start`: publishes the SES event for that message as SES would.
import { localControlHeaders } from './local-control.js';
import { sesEventKinds } from './ses-events.js';
import { portBase } from './settings.js';

const [type, messageId, campaignFlag, campaign] = process.argv.slice(2);
if (
  !type ||
  !messageId ||
  !(sesEventKinds as readonly string[]).includes(type) ||
  (campaignFlag !== undefined && (campaignFlag !== '--campaign' || !campaign))
) {
  console.error(`usage: npm run ses-event -- ${sesEventKinds.join('|')} <messageId> [--campaign <id>]`);
  process.exit(2);
}
const response = await fetch(`http://localhost:${portBase}/_local/ses-events`, {
  method: 'POST',
  headers: { ...localControlHeaders, 'content-type': 'application/json' },
  body: JSON.stringify({ type, messageId, ...(campaign ? { campaign } : {}) }),
});
console.log(JSON.stringify(await response.json(), null, 2));
process.exit(response.ok ? 0 : 1);
