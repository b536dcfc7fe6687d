// How every function is bundled, in esbuild's own terms: the CDK's bundling (crm-function.ts), the modules a
// function loads lazily and the bench's cold-init row all build with these, so the bench measures what ships.
import type { BuildOptions } from 'esbuild';

export const esbuildSettings = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  // Stack traces stay readable without source maps: every function and class keeps its own name.
  keepNames: true,
  mainFields: ['module', 'main'],
  // ESM output that includes CommonJS packages (the SDK among them) keeps their require() calls for node
  // built-ins, which ESM does not define: the bundle makes one.
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
} as const satisfies BuildOptions;

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const shellQuoted = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** The same settings as esbuild's command line, for a shell step of the CDK's bundling. */
export const esbuildCommandLine = (entry: string, outfile: string, extra: string[] = []) =>
  [
    'npx --no-install esbuild',
    shellQuoted(entry),
    ...Object.entries(esbuildSettings).map(([name, value]) => {
      if (value === true) return `--${kebab(name)}`;
      if (typeof value === 'string') return `--${kebab(name)}=${value}`;
      if (Array.isArray(value)) return `--${kebab(name)}=${value.join(',')}`;
      return shellQuoted(`--${kebab(name)}:js=${value.js}`);
    }),
    ...extra,
    `--outfile=${shellQuoted(outfile)}`,
  ].join(' ');
