// `npm run catalogue -- import|export|policy …`: the quote catalogue (products, price lists, FX rates)
// and the approval policy in the table the environment points at (the local stack by default; set
// TABLE_NAME and AWS credentials to manage a deployed one). The same code as the admin endpoints.
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  exportCatalogue,
  getApprovalPolicy,
  importCatalogue,
  replaceApprovalPolicy,
} from '../../functions/quote-approval/catalogue-store.js';
import { approvalPolicySchema } from '../../functions/quote-approval/domain/approval-policy.js';
import {
  type CatalogueKind,
  importCsv,
  importJson,
  toCsv,
  toJson,
} from '../../functions/quote-approval/domain/catalogue-import.js';
import { useLocalTableUnlessConfigured } from './settings.js';

useLocalTableUnlessConfigured();

const kinds: Record<string, CatalogueKind> = { products: 'products', 'price-lists': 'priceLists', 'fx-rates': 'fxRates' };
const usage = `usage:
  npm run catalogue -- import products|price-lists|fx-rates FILE.csv|FILE.json
  npm run catalogue -- export products|price-lists|fx-rates [--format csv|json] [--out FILE]
  npm run catalogue -- policy show
  npm run catalogue -- policy set FILE.json      (a JSON array of rules, or {"rules": […]})`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { format: { type: 'string' }, out: { type: 'string' } },
});
const [command, what, file] = positionals;
const kind = what && Object.hasOwn(kinds, what) ? kinds[what] : undefined;
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

if (command === 'import' && kind && file) {
  const text = readFileSync(file, 'utf8');
  const parsed = extname(file).toLowerCase() === '.json' ? importJson(kind, text) : importCsv(kind, text);
  if (!parsed.ok) {
    for (const e of parsed.errors) console.error(`${file}:${e.line}${e.field ? ` ${e.field}` : ''}: ${e.message}`);
    fail(`${parsed.errors.length} error(s); nothing was imported.`);
  } else {
    const result = await importCatalogue(kind, parsed.records, 'cli', new Date());
    console.log(`Imported ${result.imported} ${what}; ${result.total} in the catalogue (generation ${result.generation}).`);
  }
} else if (command === 'export' && kind) {
  const format = values.format ?? (values.out && extname(values.out).toLowerCase() === '.csv' ? 'csv' : 'json');
  if (format !== 'csv' && format !== 'json') fail(usage);
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
  const body = JSON.parse(readFileSync(file, 'utf8'));
  const rules = approvalPolicySchema.safeParse(Array.isArray(body) ? body : body.rules);
  if (!rules.success) fail(rules.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  else console.log(JSON.stringify(await replaceApprovalPolicy(rules.data, undefined, 'cli', new Date()), null, 2));
} else {
  fail(usage);
}
