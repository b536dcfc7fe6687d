// `npm test` after the static checks. Vitest runs a project whose files go one at a time (the e2e stories
// share one local stack, whose clock and rules a story may move) only after every other file has finished,
// so in one run the stories' waiting on HTTP and Chromium follows the rest. Runs side by side overlap it:
// the unit, integration and infra suites in one; the stories in two halves, each against its own local stack
// (its own ports, table, mail and clock), since a story waits on HTTP and Chromium far more than it computes.
// Each run prints its lines prefixed.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const STORY_SHARDS = 2;
const storyPortBase = Number(process.env.PUSULA_TEST_PORT ?? 3100);

const runs = [
  { name: 'suites', args: ['--project', 'unit', '--project', 'integration', '--project', 'infra'], env: {} },
  ...Array.from({ length: STORY_SHARDS }, (_, i) => ({
    name: `stories ${i + 1}/${STORY_SHARDS}`,
    args: ['--project', 'e2e', `--shard=${i + 1}/${STORY_SHARDS}`],
    // Ten ports a stack (see infra/local/runtime.ts): the halves' stacks start 200 apart.
    env: { PUSULA_TEST_PORT: String(storyPortBase + 200 * i) },
  })),
];

const run = ({ name, args, env }: (typeof runs)[number]) =>
  new Promise<number>((resolve) => {
    // A filter may leave one run with no files of its own: that run has nothing to fail.
    const command = ['vitest', 'run', '--passWithNoTests', ...args, ...process.argv.slice(2)];
    const child = spawn('npx', command, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, NO_COLOR: '1' },
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
    }
    child.on('close', (code) => resolve(code ?? 1));
  });

const codes = await Promise.all(runs.map(run));
process.exit(Math.max(...codes));
