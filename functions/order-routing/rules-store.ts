// The routing rules in the one table: admins replace them (each replacement one seq up, refused when
// based on a stale read); the demo data loads a DEFAULT that a replacement overrides. The rules name
// units, and a unit that does not exist is refused by name: an order routed there would wait for ever.

import { transact } from '../../shared/db.js';
import { getUnit, type Unit } from '../../shared/directory.js';
import { advance, defineEntity, type Movable } from '../../shared/entity.js';
import { validate } from '../../shared/http.js';
import { ConflictError, ProblemError } from '../../shared/problems.js';
import { type RoutingRules, rulesChangeSchema, unitIdsOf } from './domain/routing.js';
import { orderRoutingKeys } from './keys.js';

export interface StoredRules extends RoutingRules, Movable {
  status: 'current' | 'default';
  updatedAt: string;
  updatedBy: string;
}

const current = defineEntity<StoredRules>({
  type: 'routing-rules',
  key: () => orderRoutingKeys.routingRules('CURRENT'),
});
const fallbackRules = defineEntity<StoredRules>({
  type: 'routing-rules',
  key: () => orderRoutingKeys.routingRules('DEFAULT'),
});

/** The rules in force: the ones staff set, else the default. */
export const getRoutingRules = async (): Promise<StoredRules | undefined> =>
  (await current.get(orderRoutingKeys.routingRules('CURRENT'))) ??
  (await fallbackRules.get(orderRoutingKeys.routingRules('DEFAULT')));

/** The default rules as the demo data stores them. */
export const defaultRulesItem = (rules: RoutingRules) =>
  fallbackRules.item({
    ...rules,
    status: 'default',
    seq: 0,
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'demo-data',
  });

/** Loads the named units; those that exist, by id. */
export const loadUnits = async (unitIds: readonly string[]) => {
  const found = await Promise.all(unitIds.map(async (unitId) => [unitId, await getUnit(unitId)] as const));
  return new Map(found.filter((entry): entry is readonly [string, Unit] => entry[1] !== undefined));
};

export class UnknownUnitError extends ProblemError {
  constructor(rules: RoutingRules, missing: string[]) {
    const paths = [
      ...rules.rules.flatMap((rule, i) =>
        rule.kind === 'preferred-dealer'
          ? []
          : rule.unitIds.flatMap((unitId, j) =>
              missing.includes(unitId) ? [{ path: `rules.${i}.unitIds.${j}`, unitId }] : [],
            ),
      ),
      ...(missing.includes(rules.fallbackUnitId) ? [{ path: 'fallbackUnitId', unitId: rules.fallbackUnitId }] : []),
    ];
    super(
      422,
      'unknown-unit',
      { en: `No such unit: ${missing.join(', ')}.`, tr: `Böyle bir birim yok: ${missing.join(', ')}.` },
      paths.map(({ path, unitId }) => ({
        path,
        message: { en: `There is no unit "${unitId}".`, tr: `"${unitId}" diye bir birim yok.` },
      })),
    );
  }
}

/** Validates (400 with `rules.…` paths), refuses unknown units (422 naming them) and a stale seq (409), then replaces. */
export const setRoutingRules = async (change: unknown, actorId: string, now: Date): Promise<StoredRules> => {
  const { seq: expected, ...rules } = validate(rulesChangeSchema, change);
  const named = unitIdsOf(rules);
  const units = await loadUnits(named);
  const missing = named.filter((unitId) => !units.has(unitId));
  if (missing.length) throw new UnknownUnitError(rules, missing);
  const before = await current.get(orderRoutingKeys.routingRules('CURRENT'));
  if (expected !== undefined && expected !== (before?.seq ?? 0)) {
    const seq = before?.seq ?? 0;
    throw new ConflictError('rules-changed', {
      en: `The rules are at seq ${seq} now; reload them.`,
      tr: `Kurallar şu an ${seq}. sürümde; yeniden yükleyin.`,
    });
  }
  const changes = { ...rules, status: 'current' as const, updatedAt: now.toISOString(), updatedBy: actorId };
  const after: StoredRules = before ? advance(before, changes) : { ...changes, seq: 1 };
  const saved = await transact(
    before
      ? current.moveItems(before, after, { history: { actorId, action: 'replace', via: 'api' } })
      : current.createItems(after),
  );
  if (!saved.ok) {
    throw new ConflictError('rules-changed', {
      en: 'The rules were replaced by someone else meanwhile; reload them.',
      tr: 'Kurallar bu arada başka biri tarafından değiştirildi; yeniden yükleyin.',
    });
  }
  return after;
};
