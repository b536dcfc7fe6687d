import type { Unit } from '../../shared/directory.js';

/** A dealer that routes nothing by itself (no cities, regions or categories), changed by `over`. */
export const unit = (unitId: string, over: Partial<Unit> = {}): Unit => ({
  unitId,
  kind: 'dealer',
  name: unitId,
  email: `${unitId}@example.com`,
  language: 'tr',
  cities: [],
  regions: [],
  categories: [],
  ackSlaMinutes: 60,
  ...over,
});
