// `npm run schedule -- list` or `npm run schedule -- fire <use-case.schedule>` against a running `npm start`.
import { localControlHeaders } from './local-control.js';
import { portBase } from './settings.js';

const [command, name] = process.argv.slice(2);
const base = `http://localhost:${portBase}/_local/schedules`;
const response =
  command === 'fire' && name
    ? await fetch(`${base}/${encodeURIComponent(name)}/fire`, { method: 'POST', headers: localControlHeaders })
    : command === 'list'
      ? await fetch(base, { headers: localControlHeaders })
      : undefined;
if (!response) {
  console.error('usage: npm run schedule -- list | fire <use-case.schedule>');
  process.exit(2);
}
console.log(JSON.stringify(await response.json(), null, 2));
process.exit(response.ok ? 0 : 1);
