// The instalment routes' response schemas: the manifest declares them on the routes, the OpenAPI
// document is generated from them.
import * as z from '../../shared/schema.js';
import { planSchema } from './record-part.js';

export const overdueList = z.strictObject({ asOf: z.string(), plans: z.array(planSchema) });
