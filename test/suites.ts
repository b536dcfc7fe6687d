// `npm test` after the static checks. Vitest runs a project whose files go one at a time (the e2e stories
// share one local stack, whose clock and rules a story may move) only after every other file has finished,
// so in one run the stories' waiting on HTTP and Chromium follows the rest. Two runs side by side overlap it:
// the unit, integration and infra suites in one, the stories in the other; each prints its lines prefixed.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const runs = [
  { name: 'suites', projects: ['unit', 'integration', 'infra'] },
  { name: 'stories', projects: ['e2e'] },
];

const run = ({ name, projects }: (typeof runs)[number]) =>
  new Promise<number>((resolve) => {
    // A filter may leave one run with no files of its own: that run has nothing to fail.
    const args = [
      'vitest',
      'run',
      '--passWithNoTests',
      ...projects.flatMap((project) => ['--project', project]),
      ...process.argv.slice(2),
    ];
    const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
    }
    child.on('close', (code) => resolve(code ?? 1));
  });

const codes = await Promise.all(runs.map(run));
process.exit(Math.max(...codes));
