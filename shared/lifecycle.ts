// Lifecycles as data: the states an entity can be in, the actions that move it, and who may take
// each. Anything not declared is an illegal move: a 409 with the code `illegal-transition`.
import type { Role } from './http.js';
import type { Text } from './messages.js';
import { ConflictError } from './problems.js';

export interface ActionSpec<S extends string> {
  from: readonly S[];
  to: S;
  /** The roles that may take this action; absent: anyone the route lets in. */
  roles?: readonly Role[];
}

export class IllegalTransitionError extends ConflictError {
  constructor(message: Text) {
    super('illegal-transition', message);
  }
}

/** The roles as a Turkish sentence names them (the console's words, lower-cased). */
export const turkishRoles: Record<Role, string> = {
  rep: 'satış temsilcisi',
  manager: 'satış yöneticisi',
  director: 'direktör',
  agent: 'çağrı merkezi temsilcisi',
  dealer: 'bayi',
  admin: 'sistem yöneticisi',
  marketer: 'pazarlama uzmanı',
};

/** A lifecycle's words for a Turkish reader: the record, each state and each action. */
export interface TurkishWords<S extends string, A extends string> {
  record: string;
  states: Record<S, string>;
  actions: Record<A, string>;
}

export const defineLifecycle = <S extends string, A extends string>(spec: {
  name: string;
  states: readonly S[];
  actions: Record<A, ActionSpec<S>>;
  tr: TurkishWords<S, A>;
}) => {
  const actionNames = Object.keys(spec.actions) as A[];
  const allowed = (status: S) => actionNames.filter((action) => spec.actions[action].from.includes(status));
  // English names states and actions by the API's own words; Turkish by the console's, so a Turkish
  // reader meets no English status name.
  const quoted = (words: readonly string[], or: string) => words.map((w) => `"${w}"`).join(` ${or} `);
  const { record, states: state, actions: step } = spec.tr;
  /** Each state reached by an allowed action, once, in the order the actions are declared. */
  const targets = (status: S): S[] => [...new Set(allowed(status).map((action) => spec.actions[action].to))];
  const describe = (status: S) => {
    const next = allowed(status);
    return next.length
      ? {
          en: `it can take ${quoted(next, 'or')}`,
          tr: `atabileceği adımlar: ${quoted(
            next.map((a) => step[a]),
            'veya',
          )}`,
        }
      : { en: 'it can take no action', tr: 'hiçbir adım atamaz' };
  };
  return {
    name: spec.name,
    states: spec.states,
    actions: spec.actions,
    tr: spec.tr,
    allowed,
    /** The states `status` can move to: what a screen offers. */
    targets,
    /** The moves `role` may make from `status` (each action and where it leads): what a screen offers them. */
    movesFor: (status: S, role: Role) =>
      allowed(status)
        .filter((action) => !spec.actions[action].roles || spec.actions[action].roles.includes(role))
        .map((action) => ({ action, to: spec.actions[action].to })),
    /** The status `action` leads to from `status`, or an IllegalTransitionError naming what is allowed. */
    apply(status: S, action: A, role?: Role): S {
      const move = spec.actions[action];
      if (!move.from.includes(status)) {
        const next = describe(status);
        throw new IllegalTransitionError({
          en: `A ${status} ${spec.name} cannot take "${action}"; ${next.en}.`,
          tr: `"${state[status]}" durumundaki ${record} "${step[action]}" adımını atamaz; ${next.tr}.`,
        });
      }
      if (role && move.roles && !move.roles.includes(role)) {
        throw new IllegalTransitionError({
          en: `"${action}" on a ${spec.name} is for ${move.roles.join(' or ')}.`,
          tr: `"${step[action]}" adımı yalnızca ${move.roles.map((r) => turkishRoles[r]).join(' veya ')} içindir.`,
        });
      }
      return move.to;
    },
    /** The action that moves `status` to `to`, for APIs that name the target state. */
    actionTo(status: S, to: S): A {
      const action = allowed(status).find((a) => spec.actions[a].to === to);
      if (!action) {
        const next = targets(status);
        throw new IllegalTransitionError({
          en: `A ${status} ${spec.name} cannot become ${to}; it can become ${next.length ? next.join(' or ') : 'nothing else'}.`,
          tr: `"${state[status]}" durumundaki ${record} "${state[to]}" olamaz; ${
            next.length
              ? `olabileceği durumlar: ${quoted(
                  next.map((t) => state[t]),
                  'veya',
                )}`
              : 'başka bir duruma geçemez'
          }.`,
        });
      }
      return action;
    },
  };
};

export type Lifecycle<S extends string, A extends string> = ReturnType<typeof defineLifecycle<S, A>>;
