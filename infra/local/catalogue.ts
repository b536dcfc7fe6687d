// `npm run catalogue -- import|export|policy …`: the catalogue (products, price lists, FX rates)
// and the approval policy in the table the environment points at (the local stack by default; set
// TABLE_NAME and AWS credentials to manage a deployed one). The same code, and the same checks, as
// the admin endpoints.
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { exportCatalogue, importCatalogue } from '../../functions/catalogue/catalogue-store.js';
import {
  type FileFormat,
  importCsv,
  importJson,
  kindOfSlug,
  toCsv,
  toJson,
} from '../../functions/catalogue/domain/catalogue-import.js';
import { getApprovalPolicy, setApprovalPolicy } from '../../functions/quote-approval/approval-policy-store.js';
import { inLanguage } from '../../shared/messages.js';
import { ProblemError } from '../../shared/problems.js';
import { useLocalTableUnlessConfigured } from './settings.js';

useLocalTableUnlessConfigured();

const usage = `usage:
  npm run catalogue -- import products|price-lists|fx-rates FILE.csv|FILE.json
  npm run catalogue -- export products|price-lists|fx-rates [--format csv|json] [--out FILE]
  npm run catalogue -- policy show
  npm run catalogue -- policy set FILE.json      (a JSON array of rules, or {"rules": […], "seq": n})`;

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

const flags = ['format', 'out'] as const;
// Without `--`, npm keeps a flag for itself and passes its value on as a word (`export products csv`),
// or sets npm_config_<flag>: refuse both rather than quietly export the wrong format.
const npmTook = flags.filter((flag) => process.env[`npm_config_${flag}`] !== undefined);
if (npmTook.length) fail(`npm took --${npmTook.join(' and --')}: put -- before the arguments.\n${usage}`);

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { format: { type: 'string' }, out: { type: 'string' } },
});
const [command, what, ...rest] = positionals;
const arity: Record<string, number> = { import: 1, export: 0, policy: what === 'set' ? 1 : 0 };
const extra = positionals.slice(2 + (arity[command ?? ''] ?? 0));
if (extra.length) {
  fail(
    `Unexpected ${extra.map((word) => `"${word}"`).join(' ')}: if you gave --format or --out, put -- before the arguments.\n${usage}`,
  );
}
const file = rest[0];
const kind = what ? kindOfSlug(what) : undefined;

const printProblem = (error: unknown): never => {
  if (!(error instanceof ProblemError)) throw error;
  for (const e of error.errors) console.error(`${e.path || '(policy)'}: ${inLanguage(e.message, 'en')}`);
  return fail(`${error.message} (${error.code}); nothing was changed.`);
};

if (command === 'import' && kind && file) {
  const text = readFileSync(file, 'utf8');
  const parsed = extname(file).toLowerCase() === '.json' ? importJson(kind, text) : importCsv(kind, text);
  if (!parsed.ok) {
    for (const e of parsed.errors)
      console.error(`${file}:${e.line}${e.field ? ` ${e.field}` : ''}: ${inLanguage(e.message, 'en')}`);
    fail(`${parsed.errors.length} error(s); nothing was imported.`);
  } else {
    const result = await importCatalogue(kind, parsed.records, 'cli', new Date());
    console.log(
      `Imported ${result.imported} ${what}; ${result.total} in the catalogue (generation ${result.generation}).`,
    );
  }
} else if (command === 'export' && kind) {
  const format = (values.format ??
    (values.out && extname(values.out).toLowerCase() === '.csv' ? 'csv' : 'json')) as FileFormat;
  if (format !== 'csv' && format !== 'json') fail(`--format is csv or json.\n${usage}`);
  const records = await exportCatalogue(kind);
  const text = format === 'csv' ? toCsv(kind, records) : toJson(records);
  if (values.out) {
    writeFileSync(values.out, text);
    console.log(`Wrote ${records.length} ${what} to ${values.out}.`);
  } else {
    process.stdout.write(text);
  }
} else if (command === 'policy' && what === 'show') {
  console.log(JSON.stringify((await getApprovalPolicy()) ?? null, null, 2));
} else if (command === 'policy' && what === 'set' && file) {
  let body: unknown;
  try {
    body = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${file}: ${(error as Error).message}`);
  }
  const change = Array.isArray(body) ? { rules: body } : body;
  const policy = await setApprovalPolicy(change, 'cli', new Date()).catch(printProblem);
  console.log(JSON.stringify(policy, null, 2));
} else {
  fail(usage);
}
