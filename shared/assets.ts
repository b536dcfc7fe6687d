// Where a declared asset is: beside the bundle in Lambda (the CDK copies it there), in the
// repository locally.
import { join, resolve } from 'node:path';
import type { FunctionAsset } from './manifest.js';

export const assetPath = (asset: FunctionAsset) =>
  process.env.LAMBDA_TASK_ROOT
    ? join(process.env.LAMBDA_TASK_ROOT, asset.to)
    : resolve(import.meta.dirname, '..', asset.from);
