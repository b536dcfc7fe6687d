// The catalogue and the approval policy against DynamoDB Local: import generations, and the CLI
// (`npm run catalogue`) run as a real process on the same table.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  exportCatalogue,
  getProducts,
  importCatalogue,
  liveGeneration,
} from '../../functions/catalogue/catalogue-store.js';
import { importCsv } from '../../functions/catalogue/domain/catalogue-import.js';
import { getApprovalPolicy } from '../../functions/quote-approval/approval-policy-store.js';
import { quoteApprovalKeys } from '../../functions/quote-approval/keys.js';
import { demoApprovalPolicy, demoItems, demoProducts, loadReferenceData } from '../../infra/local/demo-data.js';
import { db, tableName } from '../../shared/db.js';

const now = new Date();
const dir = mkdtempSync(join(tmpdir(), 'pusula-catalogue-'));
const fileOf = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** `npm run catalogue -- …args` as a process, on this suite's table (the environment names it). */
const cli = async (args: string[], env: Record<string, string> = {}) => {
  const run = promisify(execFile)('node_modules/.bin/tsx', ['infra/local/catalogue.ts', ...args], {
    env: { ...process.env, ...env },
  });
  try {
    const { stdout, stderr } = await run;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
};

const currentPolicyItem = async () =>
  (
    await db().send(
      new GetCommand({
        TableName: tableName(),
        Key: quoteApprovalKeys.approvalPolicy('CURRENT'),
        ConsistentRead: true,
      }),
    )
  ).Item;

beforeAll(async () => {
  await loadReferenceData(db(), tableName(), demoItems());
});

describe('catalogue generations', () => {
  it('an import merges into a new generation and switches to it; a racing import is refused', async () => {
    const generation = await liveGeneration('products');
    // TRN-OP and TP-25: products the quote tests beside this file do not use.
    const renamed = { ...demoProducts[6]!, name: { tr: 'Operatör eğitimi (yeni)', en: 'Operator training (new)' } };
    const added = { ...demoProducts[2]!, sku: 'TP-25', name: { tr: 'Transpalet 2,5 ton', en: 'Pallet truck 2.5 t' } };
    const results = await Promise.allSettled([
      importCatalogue('products', [renamed, added], 'it', now),
      importCatalogue('products', [added], 'it', now),
    ]);
    const done = results.filter((r) => r.status === 'fulfilled');
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(r.reason).toMatchObject({ status: 409, code: 'catalogue-import-conflict' });
    }
    expect(await liveGeneration('products')).toBeGreaterThan(generation);
    const products = await exportCatalogue('products');
    expect(products.map((p) => p.sku)).toEqual(expect.arrayContaining(['FL-25E', 'TP-20', 'TP-25', 'FL-20E-OLD']));
    expect(products).toHaveLength(demoProducts.length + 1);
    expect((await getProducts(['TP-25'])).get('TP-25')?.name.tr).toBe('Transpalet 2,5 ton');
  });
});

// Each step starts the CLI (tsx compiling it and what it imports): seconds alone, far more beside the other suites.
describe('npm run catalogue', { timeout: 120_000 }, () => {
  it('policy set refuses a role nobody holds, as the API does, and changes nothing', async () => {
    const before = await currentPolicyItem();
    const rules = [{ id: 'x', when: { discountBpOver: 100 }, approverRole: 'cfo' }];
    const refused = await cli(['policy', 'set', fileOf('unknown-role.json', JSON.stringify(rules))]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('rules.0.approverRole: Nobody holds the role cfo.');
    expect(refused.stderr).toContain('unknown-approver-role');
    expect(await currentPolicyItem()).toEqual(before);
  });

  it('policy set refuses an invalid rule with its path, and sets a valid policy', async () => {
    const invalid = await cli([
      'policy',
      'set',
      fileOf('invalid.json', JSON.stringify({ rules: [{ id: 'y', when: {}, approverRole: 'manager' }] })),
    ]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('rules.0.when: Give at least one condition.');

    const set = await cli(['policy', 'set', fileOf('demo.json', JSON.stringify(demoApprovalPolicy))]);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ source: 'staff', updatedBy: 'cli', rules: demoApprovalPolicy });
    expect((await getApprovalPolicy())?.rules).toEqual(demoApprovalPolicy);
  });

  it('export --format csv writes CSV with CRLF line endings that the import reads back', async () => {
    const out = join(dir, 'products.export');
    const exported = await cli(['export', 'products', '--format', 'csv', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFsku,')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const read = importCsv('products', text);
    expect(read.ok && read.records.map((p) => p.sku)).toEqual((await exportCatalogue('products')).map((p) => p.sku));
  });

  it('refuses a flag npm took for itself (no --) instead of exporting JSON', async () => {
    // `npm run catalogue export products --format csv` runs `catalogue.ts export products csv`.
    const wordLeft = await cli(['export', 'products', 'csv']);
    expect(wordLeft.code).toBe(2);
    expect(wordLeft.stderr).toContain('Unexpected "csv"');
    expect(wordLeft.stderr).toContain('put -- before the arguments');
    expect(wordLeft.stdout).toBe('');
    // Other npm versions set npm_config_format instead.
    const configSet = await cli(['export', 'products'], { npm_config_format: 'csv' });
    expect(configSet.code).toBe(2);
    expect(configSet.stderr).toContain('npm took --format');
    expect(configSet.stdout).toBe('');
    // With -- the flag reaches the CLI.
    const proper = await cli(['export', 'products', '--format', 'csv']);
    expect(proper.code, proper.stderr).toBe(0);
    expect(proper.stdout.startsWith('\uFEFFsku,name_tr,')).toBe(true);
  });
});
