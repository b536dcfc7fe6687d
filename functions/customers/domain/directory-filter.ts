// The customer directory's filters: what the name index does not key on is a filter expression over
// the directory's pages. Pure: builds the expression, no AWS.
import type { Filter } from '../../../shared/query.js';

export interface DirectoryFilter {
  sector?: string;
  region?: string;
  city?: string;
  group?: string;
  segment?: string;
  tag?: string;
  /** Customers this person or unit owns (in `ownerIds`). */
  ownerId?: string;
  unitId?: string;
  /** Customers of this team (in `teamIds`). */
  teamId?: string;
}

/** Compared as stored: exact values, as staff picked them from their lists. */
const equalities = ['sector', 'region', 'city', 'group', 'segment'] as const;

/** The filter expression for a directory query; undefined when nothing narrows it. */
export const directoryFilter = (wanted: DirectoryFilter): Filter | undefined => {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const add = (condition: string, name: string, attribute: string, value: string | undefined) => {
    if (value === undefined) return;
    conditions.push(condition.replace('#', `#${name}`).replace(':', `:${name}`));
    names[`#${name}`] = attribute;
    values[`:${name}`] = value;
  };
  for (const field of equalities) add('# = :', field, field, wanted[field]);
  add('contains(#, :)', 'tag', 'tags', wanted.tag);
  add('contains(#, :)', 'owner', 'ownerIds', wanted.ownerId);
  add('contains(#, :)', 'unit', 'ownerIds', wanted.unitId);
  add('contains(#, :)', 'team', 'teamIds', wanted.teamId);
  return conditions.length ? { expression: conditions.join(' AND '), names, values } : undefined;
};
