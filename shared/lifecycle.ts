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

/**
 * A lifecycle's words for people: what its record is called and each state's label, in both
 * languages. The English labels are the lower-case words a sentence uses ("a new lead").
 */
export interface LifecycleWords<S extends string> {
  record: { readonly tr: string; readonly en: string };
  states: Record<S, { readonly tr: string; readonly en: string }>;
}

export const defineLifecycle = <S extends string, A extends string>(spec: {
  name: string;
  states: readonly S[];
  actions: Record<A, ActionSpec<S>>;
  /** Without words, refusals quote the API's own state values and leave the record unnamed in Turkish. */
  words?: LifecycleWords<S>;
}) => {
  const actionNames = Object.keys(spec.actions) as A[];
  const allowed = (status: S) => actionNames.filter((action) => spec.actions[action].from.includes(status));
  const quoted = (words: readonly string[], or: string) => words.map((w) => `"${w}"`).join(` ${or} `);
  const trState = (status: S) => spec.words?.states[status].tr ?? status;
  const enState = (status: S) => spec.words?.states[status].en ?? status;
  const trRecord = spec.words?.record.tr ?? 'kayıt';
  const enRecord = spec.words?.record.en ?? spec.name;
  /** Each state reached by an allowed action, once. */
  const targets = (status: S): S[] => [...new Set(allowed(status).map((action) => spec.actions[action].to))];
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
          en: `A ${enState(status)} ${enRecord} cannot take "${action}"; ${next.en}.`,
          tr: `"${trState(status)}" durumundaki ${trRecord} "${action}" adımını atamaz; ${next.tr}.`,
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
    /** The states `status` can move to, in the order the actions are declared: what a screen offers. */
    targets,
    /** The moves `role` may make from `status` (each action and where it leads): what a screen offers them. */
    movesFor: (status: S, role: Role) =>
      allowed(status)
        .filter((action) => !spec.actions[action].roles || spec.actions[action].roles.includes(role))
        .map((action) => ({ action, to: spec.actions[action].to })),
    /** The action that moves `status` to `to`, for APIs that name the target state. */
    actionTo(status: S, to: S): A {
      const action = allowed(status).find((a) => spec.actions[a].to === to);
      if (!action) {
        const next = targets(status);
        const enNext = next.length ? next.map(enState).join(' or ') : 'nothing else';
        const trNext = next.length
          ? `olabileceği durumlar: ${quoted(next.map(trState), 'veya')}`
          : 'başka bir duruma geçemez';
        throw new IllegalTransitionError({
          en: `A ${enState(status)} ${enRecord} cannot become ${enState(to)}; it can become ${enNext}.`,
          tr: `"${trState(status)}" durumundaki ${trRecord} "${trState(to)}" olamaz; ${trNext}.`,
        });
      }
      return action;
    },
  };
};

export type Lifecycle<S extends string, A extends string> = ReturnType<typeof defineLifecycle<S, A>>;
