// What each module says erasure does to its items: the record parts (through the customer record,
// which lists them) and the contributions of modules whose items are not a part. A module that keeps
// personal data outside these adds its contribution here.
import type { ErasureContribution } from '../../shared/erasure.js';
import type { RecordPart } from '../../shared/record-part.js';
import { analyticsErasure } from '../analytics/public.js';
import { campaignsErasure } from '../campaigns/public.js';
import { partsList } from '../customer-record/public.js';
import { erpErasure } from '../erp/public.js';

export const erasureParts: RecordPart<unknown>[] = partsList.map(([, spec]) => spec);

export const erasureContributions: ErasureContribution[] = [analyticsErasure, campaignsErasure, erpErasure];
