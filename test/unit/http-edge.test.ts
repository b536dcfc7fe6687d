import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeBody, type HttpEvent, validate } from '../../shared/http.js';
import { ProblemError } from '../../shared/problems.js';

const event = (body: string, contentType?: string, isBase64Encoded = false) =>
  ({ body, isBase64Encoded, headers: contentType ? { 'Content-Type': contentType } : {} }) as unknown as HttpEvent;

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemError) return { status: error.status, code: error.code, errors: error.errors };
    throw error;
  }
  throw new Error('expected a problem');
};

describe('request bodies', () => {
  it('decodes JSON and forms, and tells a form apart', () => {
    expect(decodeBody(event('{"a":1}', 'application/json; charset=utf-8'), 100)).toEqual({
      fields: { a: 1 },
      fromForm: false,
    });
    expect(decodeBody(event('a=%C3%A7&b=2', 'application/x-www-form-urlencoded'), 100)).toEqual({
      fields: { a: 'ç', b: '2' },
      fromForm: true,
    });
  });

  it('counts bytes, not characters, against the limit, and decodes base64 bodies', () => {
    expect(problemOf(() => decodeBody(event('{"a":"ççç"}', 'application/json'), 10)).status).toBe(413);
    const encoded = Buffer.from('{"a":1}').toString('base64');
    expect(decodeBody(event(encoded, 'application/json', true), 100).fields).toEqual({ a: 1 });
  });

  it.each([
    ['not json', 'application/json', 400, 'malformed-body'],
    ['[1,2]', 'application/json', 400, 'malformed-body'],
    ['null', 'application/json', 400, 'malformed-body'],
    ['a=1', 'text/plain', 415, 'unsupported-media-type'],
    ['a=1', undefined, 415, 'unsupported-media-type'],
    ['a=1&a=2', 'application/x-www-form-urlencoded', 400, 'validation-failed'],
  ])('refuses %j as %s with %i %s', (body, type, status, code) => {
    expect(problemOf(() => decodeBody(event(body, type), 1000))).toMatchObject({ status, code });
  });

  it('turns schema issues into field problems, unknown keys one by one', () => {
    const schema = z.strictObject({ a: z.string(), nested: z.object({ b: z.number() }) });
    expect(
      problemOf(() => validate(schema, { a: 1, nested: { b: 'x' }, x: 1, y: 2 }))
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual(['a', 'nested.b', 'x', 'y']);
  });
});
