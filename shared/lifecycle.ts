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

export const defineLifecycle = <S extends string, A extends string>(spec: {
  name: string;
  states: readonly S[];
  actions: Record<A, ActionSpec<S>>;
}) => {
  const actionNames = Object.keys(spec.actions) as A[];
  const allowed = (status: S) => actionNames.filter((action) => spec.actions[action].from.includes(status));
  // States and actions are the API's own words, quoted in both languages; the record is unnamed in Turkish.
  const quoted = (words: readonly string[], or: string) => words.map((w) => `"${w}"`).join(` ${or} `);
  const describe = (status: S) => {
    const next = allowed(status);
    return next.length
      ? { en: `it can take ${quoted(next, 'or')}`, tr: `atabileceği adımlar: ${quoted(next, 'veya')}` }
      : { en: 'it can take no action', tr: 'hiçbir adım atamaz' };
  };
  return {
    name: spec.name,
    states: spec.states,
    actions: spec.actions,
    allowed,
    /** The status `action` leads to from `status`, or an IllegalTransitionError naming what is allowed. */
    apply(status: S, action: A, role?: Role): S {
      const move = spec.actions[action];
      if (!move.from.includes(status)) {
        const next = describe(status);
        throw new IllegalTransitionError({
          en: `A ${status} ${spec.name} cannot take "${action}"; ${next.en}.`,
          tr: `"${status}" durumundaki kayıt "${action}" adımını atamaz; ${next.tr}.`,
        });
      }
      if (role && move.roles && !move.roles.includes(role)) {
        throw new IllegalTransitionError({
          en: `"${action}" on a ${spec.name} is for ${move.roles.join(' or ')}.`,
          tr: `"${action}" adımı yalnızca ${move.roles.join(' veya ')} içindir.`,
        });
      }
      return move.to;
    },
    /** The action that moves `status` to `to`, for APIs that name the target state. */
    actionTo(status: S, to: S): A {
      const action = allowed(status).find((a) => spec.actions[a].to === to);
      if (!action) {
        const targets = allowed(status).map((a) => spec.actions[a].to);
        throw new IllegalTransitionError({
          en: `A ${status} ${spec.name} cannot become ${to}; it can become ${targets.length ? targets.join(' or ') : 'nothing else'}.`,
          tr: `"${status}" durumundaki kayıt "${to}" olamaz; ${targets.length ? `olabileceği durumlar: ${quoted(targets, 'veya')}` : 'başka bir duruma geçemez'}.`,
        });
      }
      return action;
    },
  };
};

export type Lifecycle<S extends string, A extends string> = ReturnType<typeof defineLifecycle<S, A>>;
