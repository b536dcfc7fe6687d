// Where a declared asset is: beside the bundle in Lambda (the CDK copies it there), in the
// repository locally.
import { join, resolve } from 'node:path';
import { config } from './config.js';
import type { FunctionAsset } from './manifest.js';

export const assetPath = (asset: FunctionAsset) => {
  const root = config.lambdaTaskRoot();
  return root ? join(root, asset.to) : resolve(import.meta.dirname, '..', asset.from);
};
