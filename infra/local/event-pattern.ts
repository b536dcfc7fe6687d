// EventBridge content filtering, as the EventBridge user guide documents it and aws/event-ruler (the
// engine behind it) implements it. A pattern is compiled once into a predicate; compiling is also the
// validation, so the local runtime rejects a malformed manifest pattern at start, as PutRule would.
import { BlockList, isIP } from 'node:net';
import type { EventPattern } from '../../shared/manifest.js';

export class InvalidEventPatternError extends Error {
  constructor(reason: string, path: string) {
    super(`Event pattern is not valid. Reason: ${reason}${path ? ` (at "${path}")` : ''}`);
    this.name = 'InvalidEventPatternError';
  }
}

type Predicate = (value: unknown) => boolean;
/**
 * One element of a field's array of alternatives. `exists: true` needs a leaf at the field, `exists: false` needs
 * none; the rest test a leaf's value.
 */
type Alternative = { exists: boolean } | { test: Predicate };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fold = (text: string) => text.toLowerCase();

const stringTest =
  (test: (value: string) => boolean): Predicate =>
  (value) =>
    typeof value === 'string' && test(value);

const requireString = (operand: unknown, what: string, path: string): string => {
  if (typeof operand !== 'string') throw new InvalidEventPatternError(`${what} match pattern must be a string`, path);
  return operand;
};

/** `*` matches any run of characters; `\*` and `\\` are a literal star and backslash; `**` is refused. */
const wildcard = (pattern: string, path: string): Predicate => {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*') {
      if (pattern[i + 1] === '*')
        throw new InvalidEventPatternError('Consecutive wildcard characters are not allowed', path);
      source += '[\\s\\S]*';
    } else if (char === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '\\') throw new InvalidEventPatternError('Invalid escape in wildcard pattern', path);
      source += `\\${next}`;
      i++;
    } else {
      source += char.replace(/[.+?^${}()|[\]/]/, '\\$&');
    }
  }
  const regex = new RegExp(`^${source}$`);
  return stringTest((value) => regex.test(value));
};

/** prefix and suffix take a string or `{ "equals-ignore-case": string }`. */
const affix = (operand: unknown, op: 'prefix' | 'suffix', path: string): Predicate => {
  const has = (value: string, part: string) => (op === 'prefix' ? value.startsWith(part) : value.endsWith(part));
  if (isObject(operand)) {
    const keys = Object.keys(operand);
    if (keys.length !== 1 || keys[0] !== 'equals-ignore-case') {
      throw new InvalidEventPatternError(`Unsupported ${op} pattern: ${keys.join(', ')}`, path);
    }
    const part = fold(requireString(operand['equals-ignore-case'], 'equals-ignore-case', path));
    return stringTest((value) => has(fold(value), part));
  }
  const part = requireString(operand, op, path);
  return stringTest((value) => has(value, part));
};

/** The string matchers, which `anything-but` can also negate. */
const stringOperators = ['prefix', 'suffix', 'equals-ignore-case', 'wildcard'];

const stringMatcher = (op: string, operand: unknown, path: string): Predicate | undefined => {
  switch (op) {
    case 'prefix':
    case 'suffix':
      return affix(operand, op, path);
    case 'equals-ignore-case': {
      const expected = fold(requireString(operand, op, path));
      return stringTest((value) => fold(value) === expected);
    }
    case 'wildcard':
      return wildcard(requireString(operand, op, path), path);
    default:
      return undefined;
  }
};

const anythingBut = (operand: unknown, path: string): Predicate => {
  if (isObject(operand)) {
    const [op = '', ...more] = Object.keys(operand);
    const inner = operand[op];
    const values = Array.isArray(inner) ? inner : [inner];
    if (more.length > 0 || !stringOperators.includes(op) || values.length === 0) {
      throw new InvalidEventPatternError(`Unsupported anything-but pattern: ${Object.keys(operand).join(', ')}`, path);
    }
    const tests = values.map((value) => {
      // Inside anything-but, prefix and suffix take plain non-empty strings only.
      if ((op === 'prefix' || op === 'suffix') && (typeof value !== 'string' || value === '')) {
        throw new InvalidEventPatternError(`anything-but ${op} must be a non-empty string`, path);
      }
      return stringMatcher(op, value, path)!;
    });
    return (value) => !tests.some((test) => test(value));
  }
  const excluded: unknown[] = Array.isArray(operand) ? operand : [operand];
  const types = new Set(excluded.map((v) => typeof v));
  if (types.size !== 1 || !(types.has('string') || types.has('number'))) {
    throw new InvalidEventPatternError(
      'anything-but takes a string, a number, or a list of only strings or only numbers',
      path,
    );
  }
  return (value) => !excluded.includes(value);
};

const comparisons: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** `["=", n]`, `["<" | "<=" | ">" | ">=", n]`, or a range `[">" | ">=", low, "<" | "<=", high]`. */
const numeric = (operand: unknown, path: string): Predicate => {
  const terms = Array.isArray(operand) ? operand : [];
  const pairs: Array<[string, number]> = [];
  for (let i = 0; i < terms.length; i += 2) {
    const [op, bound] = [terms[i], terms[i + 1]];
    if (typeof op !== 'string' || !(op in comparisons) || typeof bound !== 'number' || !Number.isFinite(bound)) {
      throw new InvalidEventPatternError(`Bad numeric expression: ${JSON.stringify(operand)}`, path);
    }
    pairs.push([op, bound]);
  }
  const [first, second] = pairs;
  const validRange = second === undefined || (/^>=?$/.test(first![0]) && /^<=?$/.test(second[0]));
  if (first === undefined || pairs.length > 2 || !validRange) {
    throw new InvalidEventPatternError(`Bad numeric expression: ${JSON.stringify(operand)}`, path);
  }
  // A range whose bottom is not below its top matches nothing; event-ruler refuses it ("Bottom must be less than top").
  if (second !== undefined && first![1] >= second[1]) {
    throw new InvalidEventPatternError(
      `Empty numeric range ${JSON.stringify(operand)}: the lower bound must be less than the upper bound`,
      path,
    );
  }
  return (value) => typeof value === 'number' && pairs.every(([op, bound]) => comparisons[op]!(value, bound));
};

const cidr = (operand: unknown, path: string): Predicate => {
  const [address = '', bits, ...rest] = requireString(operand, 'cidr', path).split('/');
  const version = isIP(address);
  const prefix = Number(bits);
  if (version === 0 || rest.length > 0 || !/^\d+$/.test(bits ?? '') || prefix > (version === 4 ? 32 : 128)) {
    throw new InvalidEventPatternError(`Invalid CIDR: ${String(operand)}`, path);
  }
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const block = new BlockList();
  block.addSubnet(address, prefix, family);
  return stringTest((value) => isIP(value) === version && block.check(value, family));
};

const operator = (expression: Record<string, unknown>, path: string): Alternative => {
  const keys = Object.keys(expression);
  if (keys.length !== 1) throw new InvalidEventPatternError('Only one key allowed in match expression', path);
  const op = keys[0]!;
  const operand = expression[op];
  switch (op) {
    case 'exists':
      if (typeof operand !== 'boolean') throw new InvalidEventPatternError('exists must be true or false', path);
      return { exists: operand };
    case 'anything-but':
      return { test: anythingBut(operand, path) };
    case 'numeric':
      return { test: numeric(operand, path) };
    case 'cidr':
      return { test: cidr(operand, path) };
    default: {
      const test = stringMatcher(op, operand, path);
      if (!test) throw new InvalidEventPatternError(`Unrecognized match type ${op}`, path);
      return { test };
    }
  }
};

const alternativesOf = (values: unknown[], path: string): Alternative[] => {
  if (values.length === 0) throw new InvalidEventPatternError('Empty arrays are not allowed', path);
  return values.map((alternative): Alternative => {
    if (isObject(alternative)) return operator(alternative, path);
    if (alternative === null || ['string', 'number', 'boolean'].includes(typeof alternative)) {
      return { test: (value) => value === alternative };
    }
    throw new InvalidEventPatternError(
      'Match value must be a string, number, true, false, null or a match expression',
      path,
    );
  });
};

/**
 * A pattern compiles, as in event-ruler, to sub-rules: each maps a field's full dotted name to its alternatives, and
 * `$or` forks one sub-rule per branch. Joining names with dots is why `{"detail.state": [...]}` and
 * `{"detail": {"state": [...]}}` are the same rule, and why the later of two spellings of one field wins.
 */
type SubRule = Map<string, Alternative[]>;

/** Names that cannot be field names inside `$or`, where they would read as a misplaced match expression. */
const reservedInOr = new Set([
  'anything-but',
  'cidr',
  'equals-ignore-case',
  'exists',
  'numeric',
  'prefix',
  'suffix',
  'wildcard',
]);

const compileObject = (pattern: unknown, prefix: string, rules: SubRule[], inOr: boolean): SubRule[] => {
  if (!isObject(pattern)) throw new InvalidEventPatternError('Filter is not an object', prefix);
  const keys = Object.keys(pattern);
  if (keys.length === 0) throw new InvalidEventPatternError('Empty objects are not allowed', prefix);
  let current = rules;
  for (const key of keys) {
    const spec = pattern[key];
    const name = prefix ? `${prefix}.${key}` : key;
    if (key === '$or') {
      if (!Array.isArray(spec) || spec.length < 2) {
        throw new InvalidEventPatternError('$or must be an array of at least 2 objects', name);
      }
      const before = current;
      current = spec.flatMap((branch) =>
        compileObject(
          branch,
          prefix,
          before.map((rule) => new Map(rule)),
          true,
        ),
      );
      continue;
    }
    if (inOr && reservedInOr.has(key)) {
      throw new InvalidEventPatternError(`${key} is a match expression and cannot be a field name inside $or`, name);
    }
    if (Array.isArray(spec)) {
      const alternatives = alternativesOf(spec, name);
      for (const rule of current) rule.set(name, alternatives);
    } else if (isObject(spec)) {
      current = compileObject(spec, name, current, inOr);
    } else {
      throw new InvalidEventPatternError(`"${key}" must be an object or an array`, name);
    }
  }
  return current;
};

/** Which element of which array of the event a leaf sits in: array id → index. */
type Membership = ReadonlyMap<number, number>;
type Leaf = { value: unknown; membership: Membership };

/**
 * The event as event-ruler sees it: every leaf under its full dotted name (so an event key that contains a dot
 * lands on the same name as the nested spelling), with the array elements it sits in. Objects and empty arrays
 * are not leaves.
 */
const flattenEvent = (event: Record<string, unknown>): Map<string, Leaf[]> => {
  const leaves = new Map<string, Leaf[]>();
  let arrays = 0;
  const walk = (value: unknown, name: string, membership: Membership) => {
    if (Array.isArray(value)) {
      const id = arrays++;
      for (const [index, element] of value.entries()) walk(element, name, new Map(membership).set(id, index));
    } else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, name ? `${name}.${key}` : key, membership);
    } else if (name) {
      const found = leaves.get(name);
      if (found) found.push({ value, membership });
      else leaves.set(name, [{ value, membership }]);
    }
  };
  walk(event, '', new Map());
  return leaves;
};

/** The union of two memberships, or undefined when they put the same array at different elements. */
const consistent = (sofar: Membership, leaf: Membership): Membership | undefined => {
  let merged: Map<number, number> | undefined;
  for (const [array, index] of leaf) {
    const pinned = sofar.get(array);
    if (pinned === undefined) {
      merged ??= new Map(sofar);
      merged.set(array, index);
    } else if (pinned !== index) {
      return undefined;
    }
  }
  return merged ?? sofar;
};

/**
 * Array consistency, as event-ruler's `rulesForJSONEvent` (which EventBridge uses): the fields of one match must
 * come from the same element of any array they share. Fields are taken in name order, as the engine takes them,
 * and `exists: false` holds when no leaf of that name is consistent with the elements the earlier fields chose —
 * so over an array with nothing chosen yet, one element carrying the field is enough to make it exist.
 */
const matchSubRule = (rule: SubRule, names: string[], leaves: Map<string, Leaf[]>): boolean => {
  const step = (index: number, membership: Membership): boolean => {
    const name = names[index];
    if (name === undefined) return true;
    const candidates = leaves.get(name) ?? [];
    return rule.get(name)!.some((alternative) => {
      if ('exists' in alternative && !alternative.exists) {
        return !candidates.some((leaf) => consistent(membership, leaf.membership)) && step(index + 1, membership);
      }
      return candidates.some((leaf) => {
        const next = consistent(membership, leaf.membership);
        return next !== undefined && ('exists' in alternative || alternative.test(leaf.value)) && step(index + 1, next);
      });
    });
  };
  return step(0, new Map());
};

/** EventBridge's default quota for an event pattern's size (adjustable to 4096 by a quota request). */
export const MAX_PATTERN_CHARACTERS = 2048;

const compiled = new WeakMap<object, (event: Record<string, unknown>) => boolean>();

const compile = (pattern: EventPattern) => {
  let matcher = compiled.get(pattern);
  if (!matcher) {
    const size = JSON.stringify(pattern)?.length ?? 0;
    if (size > MAX_PATTERN_CHARACTERS) {
      throw new InvalidEventPatternError(
        `Event pattern is ${size} characters; the event pattern size quota is ${MAX_PATTERN_CHARACTERS}`,
        '',
      );
    }
    const rules = compileObject(pattern, '', [new Map()], false).map((rule) => ({
      rule,
      names: [...rule.keys()].sort(),
    }));
    matcher = (event) => {
      const leaves = flattenEvent(event);
      return rules.some(({ rule, names }) => matchSubRule(rule, names, leaves));
    };
    compiled.set(pattern, matcher);
  }
  return matcher;
};

/** Throws InvalidEventPatternError when PutRule would refuse the pattern. */
export const validatePattern = (pattern: EventPattern): void => {
  compile(pattern);
};

export const matchesPattern = (pattern: EventPattern, event: Record<string, unknown>): boolean =>
  compile(pattern)(event);
