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
/** One element of a field's array of alternatives. `exists` looks at presence, the rest at each leaf value. */
type Alternative = { exists: boolean } | { test: Predicate };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const flatten = (value: unknown): unknown[] => (Array.isArray(value) ? value.flat(Number.POSITIVE_INFINITY) : [value]);

/** The leaf values at a field: an array counts as its elements; objects are not leaves (docs: exists only sees leaves). */
const leaves = (value: unknown): unknown[] => (value === undefined ? [] : flatten(value).filter((v) => !isObject(v)));

/** What a nested pattern is matched against: each object element (an array is matched element by element). */
const objects = (value: unknown): Record<string, unknown>[] => {
  const found = flatten(value).filter(isObject);
  return found.length > 0 ? found : [{}];
};

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
      if (pattern[i + 1] === '*') throw new InvalidEventPatternError('Consecutive wildcard characters are not allowed', path);
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
    throw new InvalidEventPatternError('anything-but takes a string, a number, or a list of only strings or only numbers', path);
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

const field = (alternatives: unknown[], path: string): Predicate => {
  if (alternatives.length === 0) throw new InvalidEventPatternError('Empty arrays are not allowed', path);
  const compiled = alternatives.map((alternative): Alternative => {
    if (isObject(alternative)) return operator(alternative, path);
    if (alternative === null || ['string', 'number', 'boolean'].includes(typeof alternative)) {
      return { test: (value) => value === alternative };
    }
    throw new InvalidEventPatternError('Match value must be a string, number, true, false, null or a match expression', path);
  });
  return (value) => {
    const values = leaves(value);
    return compiled.some((alt) => ('exists' in alt ? values.length > 0 === alt.exists : values.some(alt.test)));
  };
};

const object = (pattern: unknown, path: string): ((event: Record<string, unknown>) => boolean) => {
  if (!isObject(pattern)) throw new InvalidEventPatternError('Filter is not an object', path);
  const keys = Object.keys(pattern);
  if (keys.length === 0) throw new InvalidEventPatternError('Empty objects are not allowed', path);
  const checks = keys.map((key): ((event: Record<string, unknown>) => boolean) => {
    const spec = pattern[key];
    const at = path ? `${path}.${key}` : key;
    if (key === '$or') {
      if (!Array.isArray(spec) || spec.length < 2) {
        throw new InvalidEventPatternError('$or must be an array of at least 2 objects', at);
      }
      const branches = spec.map((branch) => object(branch, at));
      return (event) => branches.some((branch) => branch(event));
    }
    if (Array.isArray(spec)) {
      const test = field(spec, at);
      return (event) => test(event[key]);
    }
    if (isObject(spec)) {
      const nested = object(spec, at);
      return (event) => objects(event[key]).some(nested);
    }
    throw new InvalidEventPatternError(`"${key}" must be an object or an array`, at);
  });
  return (event) => checks.every((check) => check(event));
};

const compiled = new WeakMap<object, (event: Record<string, unknown>) => boolean>();

const compile = (pattern: EventPattern) => {
  let matcher = compiled.get(pattern);
  if (!matcher) {
    matcher = object(pattern, '');
    compiled.set(pattern, matcher);
  }
  return matcher;
};

/** Throws InvalidEventPatternError when PutRule would refuse the pattern. */
export const validatePattern = (pattern: EventPattern): void => {
  compile(pattern);
};

export const matchesPattern = (pattern: EventPattern, event: Record<string, unknown>): boolean => compile(pattern)(event);
