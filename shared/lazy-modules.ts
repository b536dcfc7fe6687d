// A module a function loads on first use (a PDF's drawing). esbuild inlines an import() into a single-file
// bundle, so its bytes would still be parsed at every cold start: a lazy module is bundled as a file of its
// own beside index.mjs instead (the CDK's bundling does it for every function whose bundle names one), and
// loaded from there; locally, from its source.
import { pathToFileURL } from 'node:url';
import { assetPath } from './assets.js';
import type { FunctionAsset } from './manifest.js';

/**
 * `from`: its TypeScript source, the string a bundle that loads it carries; `to`: its own bundle's name
 * beside index.mjs. `Module` is what it exports, for `loadLazyModule`'s answer (a type only: no value holds
 * it). Every one is listed in functions/lazy-modules.ts.
 */
export interface LazyModule<Module = unknown> extends FunctionAsset {
  readonly exports?: Module;
}

export const loadLazyModule = <Module>(module: LazyModule<Module>): Promise<Module> =>
  import(pathToFileURL(assetPath(module)).href);
