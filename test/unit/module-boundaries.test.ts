// The import rules of the tree, over its real import graph (TypeScript's own pre-processor reads
// every import and export-from, type-only ones included):
// - a module (a folder under functions/) is used by others only through its public.ts;
// - modules depend on each other one way only, and no files import each other in a ring;
// - shared/ is the platform and events/ what every event shares: neither imports a module (shared/'s
//   outbox and consumers take an event's declaration; the modules' events are gathered in
//   functions/event-table.ts);
// - the console is a separate program: it imports nothing of the backend;
// - the backend reads "now" from one clock (shared/clock.ts), which the local stack can move;
// - the schema namespace (`import * as z from '…/shared/schema.js'`) is read member by member only:
//   one use of `z` as a value (`const { noMarkup } = z`) makes esbuild keep all of zod and its
//   locales (≈ 400 KB) in every bundle that reaches the file;
// - a lazy module (shared/lazy-modules.ts) is loaded by loadLazyModule only: any other import of it but a
//   type-only one would put its code back into the bundles that reach it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lazyModules } from '../../functions/lazy-modules.js';

const root = resolve(import.meta.dirname, '../..');
const folders = ['functions', 'shared', 'events', 'infra', 'console/src'];

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });

/** file → the project files it imports (relative specifiers only; packages are not the tree's). */
const graph = new Map<string, string[]>();
for (const file of folders.flatMap((folder) => sources(join(root, folder)))) {
  const imported = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
  graph.set(
    relative(root, file),
    imported
      .filter(({ fileName }) => fileName.startsWith('.'))
      .map(({ fileName }) => {
        const target = resolve(dirname(file), fileName).replace(/\.js$/, '.ts');
        return relative(root, existsSync(target) ? target : join(target.replace(/\.ts$/, ''), 'index.ts'));
      }),
  );
}

const moduleOf = (file: string) => /^functions\/([^/]+)\//.exec(file)?.[1];
const imports = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));

describe('module boundaries', () => {
  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get('functions/manifests.ts')).toContain('functions/customers/manifest.ts');
  });

  it('a module imports another only through its public.ts', () => {
    const reaching = imports.filter(({ from, to }) => {
      const [a, b] = [moduleOf(from), moduleOf(to)];
      if (!a || !b || a === b) return false;
      return to !== `functions/${b}/public.ts`;
    });
    expect(reaching.map(({ from, to }) => `${from} → ${to}`)).toEqual([]);
  });

  it('modules depend on each other one way: the module graph has no cycle', () => {
    const uses = new Map<string, Set<string>>();
    for (const { from, to } of imports) {
      const [a, b] = [moduleOf(from), moduleOf(to)];
      if (a && b && a !== b) uses.set(a, (uses.get(a) ?? new Set()).add(b));
    }
    expect(cycles(uses)).toEqual([]);
  });

  it('no files import each other in a ring, shared/ included', () => {
    const edges = new Map([...graph].map(([file, targets]) => [file, new Set(targets.filter((t) => graph.has(t)))]));
    expect(cycles(edges)).toEqual([]);
  });

  it('shared/ and events/ import no module', () => {
    const upward = imports.filter(({ from, to }) => /^(shared|events)\//.test(from) && !/^(shared|events)\//.test(to));
    expect(upward.map(({ from, to }) => `${from} → ${to}`)).toEqual([]);
  });

  it('the console imports nothing of the backend', () => {
    const backend = imports.filter(({ from, to }) => from.startsWith('console/') && !to.startsWith('console/'));
    expect(backend.map(({ from, to }) => `${from} → ${to}`)).toEqual([]);
  });

  it('the backend reads the time from the one clock, never from new Date() of its own', () => {
    const ownClock = [...graph.keys()]
      .filter((file) => /^(functions|shared)\//.test(file) && file !== 'shared/clock.ts')
      .filter((file) => /new Date\(\)/.test(readFileSync(join(root, file), 'utf8')));
    expect(ownClock).toEqual([]);
  });

  it('the schema namespace is read member by member, never used whole as a value', () => {
    const whole = [...graph]
      .filter(([file, targets]) => /^(functions|shared|events)\//.test(file) && targets.includes('shared/schema.ts'))
      .flatMap(([file]) => namespaceUsedWhole(file, readFileSync(join(root, file), 'utf8')));
    expect(whole).toEqual([]);
  }, 30_000);

  it('a lazy module is imported by no file but for its types, and each is listed with its own source as its type', () => {
    const lazy = lazyModules.map((module) => module.from);
    const valueImports = [...graph]
      .filter(([, targets]) => targets.some((target) => lazy.includes(target)))
      .flatMap(([file]) => lazyValueImports(file, readFileSync(join(root, file), 'utf8'), lazy));
    expect(valueImports).toEqual([]);
    // Every declaration in the tree (`LazyModule<typeof import('./x.js')> = { from: …, to: … }`).
    const declared = [...graph.keys()].flatMap((file) =>
      [
        ...readFileSync(join(root, file), 'utf8').matchAll(
          /LazyModule<typeof import\('([^']+)'\)> = \{\s*from: '([^']+)'/g,
        ),
      ].map(([, typeSource, from]) => ({
        type: relative(root, resolve(root, dirname(file), typeSource!)).replace(/\.js$/, '.ts'),
        from,
      })),
    );
    expect(declared.map(({ from }) => from).sort()).toEqual([...lazy].sort());
    for (const { type, from } of declared) expect(type).toBe(from);
    expect(lazyModules.map((module) => module.to)).toEqual(
      lazy.map((from) => from.replace(/^.*\/(.+)\.ts$/, '$1.mjs')),
    );
  });

  it('finds a lazy module imported for more than its types (the check itself)', () => {
    const lazy = ['functions/q/pdf/q-pdf.ts'];
    const typeOnly = "import type { Input } from './pdf/q-pdf.js';\ntype M = typeof import('./pdf/q-pdf.js');\n";
    expect(lazyValueImports('functions/q/send.ts', typeOnly, lazy)).toEqual([]);
    expect(
      lazyValueImports('functions/q/send.ts', `${typeOnly}import { render } from './pdf/q-pdf.js';\n`, lazy),
    ).toEqual(['functions/q/send.ts:3']);
    expect(lazyValueImports('functions/q/send.ts', "const m = await import('./pdf/q-pdf.js');\n", lazy)).toEqual([
      'functions/q/send.ts:1',
    ]);
    expect(lazyValueImports('functions/q/send.ts', "export { render } from './pdf/q-pdf.js';\n", lazy)).toEqual([
      'functions/q/send.ts:1',
    ]);
  });

  it('finds the schema namespace used whole (the check itself)', () => {
    const source = "import * as z from '../shared/schema.js';\nconst a = z.string();\ntype A = z.infer<typeof a>;\n";
    expect(namespaceUsedWhole('f.ts', source)).toEqual([]);
    expect(namespaceUsedWhole('f.ts', `${source}const { noMarkup } = z;\n`)).toEqual(['f.ts:4']);
  });

  it('finds a ring when there is one (the check itself)', () => {
    const ring = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(ring)).toEqual([['a', 'b', 'c']]);
    expect(
      cycles(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set<string>()],
        ]),
      ),
    ).toEqual([]);
  });
});

/** The strongly connected parts of more than one node (Tarjan), each sorted. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const part: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      part.push(member);
    } while (member !== node);
    if (part.length > 1) found.push(part.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** Where a file uses the schema namespace other than as `z.member` (file:line). */
function namespaceUsedWhole(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const names = source.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) return [];
    if (!/shared\/schema\.js$|^\.\/schema\.js$/.test(statement.moduleSpecifier.text)) return [];
    const bindings = statement.importClause?.namedBindings;
    return bindings && ts.isNamespaceImport(bindings) ? [bindings.name.text] : [];
  });
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && names.includes(node.text)) {
      const parent = node.parent;
      const member =
        (ts.isPropertyAccessExpression(parent) && parent.expression === node) ||
        (ts.isQualifiedName(parent) && parent.left === node) ||
        ts.isNamespaceImport(parent);
      if (!member) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Where a file imports one of the lazy modules' sources for more than its types (file:line). */
function lazyValueImports(file: string, text: string, lazy: string[]): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const isLazy = (specifier: ts.Node | undefined) =>
    !!specifier &&
    ts.isStringLiteral(specifier) &&
    lazy.includes(relative(root, resolve(root, dirname(file), specifier.text)).replace(/\.js$/, '.ts'));
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const valueImport =
      (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && isLazy(node.moduleSpecifier)) ||
      (ts.isExportDeclaration(node) && !node.isTypeOnly && isLazy(node.moduleSpecifier)) ||
      (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && isLazy(node.arguments[0]));
    if (valueImport) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
