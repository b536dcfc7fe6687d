// `npm run schedule -- list` or `npm run schedule -- fire <use-case.schedule>` against a running `npm start`.
import { localControlHeaders } from './local-control.js';
import { portBase } from './settings.js';

const [command, name, atFlag, at] = process.argv.slice(2);
const base = `http://localhost:${portBase}/_local/schedules`;
/** `--at 2026-12-01T09:00:00Z`: the sweep runs as of that instant (a clock to inject). */
const when = atFlag === '--at' && at ? `?at=${encodeURIComponent(at)}` : '';
const response =
  command === 'fire' && name
    ? await fetch(`${base}/${encodeURIComponent(name)}/fire${when}`, { method: 'POST', headers: localControlHeaders })
    : command === 'list'
      ? await fetch(base, { headers: localControlHeaders })
      : undefined;
if (!response) {
  console.error('usage: npm run schedule -- list | fire <use-case.schedule> [--at <ISO instant>]');
  process.exit(2);
}
console.log(JSON.stringify(await response.json(), null, 2));
process.exit(response.ok ? 0 : 1);
