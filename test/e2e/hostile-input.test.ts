// Two hundred and more malformed or hostile requests: each gets a 4xx problem (never a 5xx) that names
// the field at fault, and the whole batch writes nothing to the table.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  bearer,
  captureLead,
  keys,
  type Problem,
  readProblem,
  send,
  settle,
  tableItemCount,
  uniquePerson,
} from '../support/e2e.js';

interface Case {
  category: string;
  label: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** The status the request must get. */
  status: number;
  code?: string;
  /** A field the problem's `errors[].path` must name. */
  field?: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };
/** A form-encoded post from an integration that asks for problems (a browser form, which does not, gets a page). */
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/problem+json' };

const asJson = (value: unknown) => JSON.stringify(value);
const asForm = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
/** Form bodies with repeated names, which a record cannot express. */
const asFormPairs = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();

const kib = (n: number) => n * 1024;

/** Builds every hostile request from its category; none of them may write anything. */
const hostileCases = (leadId: string): Case[] => {
  const p = uniquePerson('hostile');
  const valid = { name: p.name, email: p.email, phone: p.phone };
  const cases: Case[] = [];
  const json = (
    category: string,
    label: string,
    body: unknown,
    status: number,
    code?: string,
    field?: string,
    headers = {},
  ) =>
    cases.push({
      category,
      label,
      path: '/leads',
      headers: { ...JSON_TYPE, ...headers },
      body: asJson(body),
      status,
      code,
      field,
    });
  const form = (
    category: string,
    label: string,
    fields: Record<string, string>,
    status: number,
    code?: string,
    field?: string,
  ) => cases.push({ category, label, path: '/leads', headers: FORM_TYPE, body: asForm(fields), status, code, field });
  const formValid = { name: p.name, email: p.email, phone: p.localPhone };

  // ---- wrong types --------------------------------------------------------------------------
  const textFields = ['name', 'email', 'phone', 'company', 'sector', 'city', 'region', 'productInterest', 'message'];
  const moreTextFields = ['source', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];
  const wrongValues: [string, unknown][] = [
    ['number', 12345],
    ['array', ['a@example.com']],
    ['object', { first: 'Ali' }],
    ['boolean', true],
  ];
  for (const field of textFields) {
    for (const [kind, value] of wrongValues) {
      json('wrong type', `${field} as ${kind}`, { ...valid, [field]: value }, 400, 'validation-failed', field);
    }
  }
  for (const field of [...moreTextFields, 'consentTextVersion', 'redirect', 'idempotencyKey', 'website', 'language']) {
    json('wrong type', `${field} as number`, { ...valid, [field]: 7 }, 400, 'validation-failed', field);
  }
  for (const field of ['name', 'email', 'company']) {
    json('wrong type', `${field} as null`, { ...valid, [field]: null }, 400, 'validation-failed', field);
  }
  for (const [field, value] of [
    ['consent_email', 'maybe'],
    ['consent_sms', 2],
    ['consent_phone', { yes: true }],
    ['consent_email', ['on']],
  ] as const) {
    json(
      'wrong type',
      `${field} = ${JSON.stringify(value)}`,
      { ...valid, consentTextVersion: 'v1', [field]: value },
      400,
      'validation-failed',
      field,
    );
  }

  // ---- missing name / contact -----------------------------------------------------------------
  json('missing name', 'no name', { email: p.email }, 400, 'validation-failed', 'name');
  json('missing name', 'empty name', { ...valid, name: '' }, 400, 'validation-failed', 'name');
  json('missing name', 'blank name', { ...valid, name: '   \t ' }, 400, 'validation-failed', 'name');
  form('missing name', 'form without name', { email: p.email }, 400, 'validation-failed', 'name');
  form('missing name', 'form with empty name', { name: '', phone: p.localPhone }, 400, 'validation-failed', 'name');
  json(
    'missing contact',
    'neither e-mail nor phone',
    { name: p.name, city: 'İzmir' },
    400,
    'validation-failed',
    'email',
  );
  json('missing contact', 'both empty', { name: p.name, email: '', phone: '' }, 400, 'validation-failed', 'email');
  json('missing contact', 'both blank', { name: p.name, email: '  ', phone: ' ' }, 400, 'validation-failed', 'email');
  form(
    'missing contact',
    'form with name only',
    { name: p.name, message: 'merhaba' },
    400,
    'validation-failed',
    'email',
  );
  json('missing contact', 'empty object', {}, 400, 'validation-failed', 'name');

  // ---- bad e-mail / phone ---------------------------------------------------------------------
  for (const email of [
    'not-an-email',
    'a@',
    '@example.com',
    'a@@example.com',
    'a b@example.com',
    'a@example',
    'a@example..com',
    'ayşe@',
    'a@example.com, b@example.com',
    'a@example.com\nBcc: victim@example.com',
  ]) {
    json('bad e-mail', JSON.stringify(email), { name: p.name, email }, 400, 'validation-failed', 'email');
  }
  form(
    'bad e-mail',
    'form e-mail without domain',
    { name: p.name, email: 'ayse.example.com' },
    400,
    'validation-failed',
    'email',
  );
  for (const phone of [
    'abc',
    '123',
    '+90 532',
    '0532 123',
    '+1 555 0100',
    '0000000000',
    '+90 532 123 45 67 89 00',
    '0532 123 45 6',
    '☎ 0532',
  ]) {
    json('bad phone', JSON.stringify(phone), { name: p.name, phone }, 400, 'validation-failed', 'phone');
  }
  form('bad phone', 'form phone of letters', { name: p.name, phone: 'bir iki üç' }, 400, 'validation-failed', 'phone');

  // ---- size -----------------------------------------------------------------------------------
  json('oversize', 'JSON body just over 16 KiB', { ...valid, message: 'a'.repeat(kib(16)) }, 413, 'payload-too-large');
  form('oversize', 'form body over 16 KiB', { ...formValid, message: 'ğ'.repeat(kib(8)) }, 413, 'payload-too-large');
  json(
    'oversize',
    'unknown padding field over 16 KiB',
    { ...valid, padding: 'x'.repeat(kib(20)) },
    413,
    'payload-too-large',
  );
  cases.push({
    category: 'oversize',
    label: 'body over the gateway limit (11 MiB)',
    path: '/leads',
    headers: JSON_TYPE,
    body: new Uint8Array(11 * 1024 * 1024).fill(0x20),
    status: 413,
    code: 'payload-too-large',
  });
  for (const [field, length] of [
    ['name', 201],
    ['email', 300],
    ['phone', 41],
    ['company', 201],
    ['city', 101],
    ['region', 101],
    ['sector', 101],
    ['productInterest', 201],
    ['message', 4001],
    ['source', 101],
    ['utm_campaign', 201],
    ['consentTextVersion', 51],
    ['idempotencyKey', 101],
    ['website', 2001],
  ] as const) {
    const value =
      field === 'email'
        ? `${'a'.repeat(length)}@example.com`
        : field === 'phone'
          ? '5'.repeat(length)
          : 'a'.repeat(length);
    json('huge field', `${field} of ${length}`, { ...valid, [field]: value }, 400, 'validation-failed', field);
  }
  json(
    'huge field',
    'redirect of 2001',
    { ...valid, redirect: `${api()}/forms/thanks?x=${'a'.repeat(2000)}` },
    400,
    'validation-failed',
    'redirect',
  );

  // ---- markup ----------------------------------------------------------------------------------
  const markup = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'Ali <b>Veli</b>',
    '<svg/onload=alert(1)>',
    '< script >alert(1)</script>',
    '<!-- x -->',
    '<a href="javascript:alert(1)">tıkla</a>',
    '</textarea><script>alert(1)</script>',
    '<iframe src="https://evil.example.net">',
    '<?xml version="1.0"?>',
  ];
  for (const [i, value] of markup.entries()) {
    const field = ['name', 'company', 'message', 'city', 'productInterest'][i % 5]!;
    json('markup', `${field}: ${value}`, { ...valid, [field]: value }, 400, 'validation-failed', field);
  }
  form(
    'markup',
    'form name with script',
    { ...formValid, name: '<script>alert(1)</script>' },
    400,
    'validation-failed',
    'name',
  );
  form(
    'markup',
    'form message with img onerror',
    { ...formValid, message: 'bak: <img src=x onerror=alert(1)>' },
    400,
    'validation-failed',
    'message',
  );
  form(
    'markup',
    'form company with markup',
    { ...formValid, company: '<b>ACME</b>' },
    400,
    'validation-failed',
    'company',
  );

  // ---- control characters -------------------------------------------------------------------------
  for (const [i, char] of ['\u0000', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u001f'].entries()) {
    const field = ['name', 'company', 'message', 'city'][i % 4]!;
    json(
      'control characters',
      `${field} with U+${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
      { ...valid, [field]: `Ali${char}Veli` },
      400,
      'validation-failed',
      field,
    );
  }
  form(
    'control characters',
    'form name with NUL',
    { ...formValid, name: 'Ali\u0000Veli' },
    400,
    'validation-failed',
    'name',
  );
  form(
    'control characters',
    'form message with ESC',
    { ...formValid, message: 'renk \u001b[31m kırmızı' },
    400,
    'validation-failed',
    'message',
  );

  // ---- content types --------------------------------------------------------------------------
  const validJson = asJson(valid);
  for (const [label, headers, body] of [
    ['text/plain', { 'content-type': 'text/plain' }, validJson],
    ['text/plain; charset=utf-8', { 'content-type': 'text/plain; charset=utf-8' }, asForm(formValid)],
    ['application/xml', { 'content-type': 'application/xml' }, `<lead><name>${p.name}</name></lead>`],
    ['text/html', { 'content-type': 'text/html' }, '<form></form>'],
    ['application/jsonp', { 'content-type': 'application/jsonp' }, validJson],
    ['application/vnd.api+json', { 'content-type': 'application/vnd.api+json' }, validJson],
    ['application/octet-stream', { 'content-type': 'application/octet-stream' }, validJson],
    [
      'multipart/form-data',
      { 'content-type': 'multipart/form-data; boundary=XyZ' },
      `--XyZ\r\nContent-Disposition: form-data; name="name"\r\n\r\n${p.name}\r\n--XyZ\r\nContent-Disposition: form-data; name="email"\r\n\r\n${p.email}\r\n--XyZ--\r\n`,
    ],
    ['no content type (JSON bytes)', {}, new TextEncoder().encode(validJson)],
    ['no content type, no body', {}, undefined],
  ] as [string, Record<string, string>, string | Uint8Array | undefined][]) {
    cases.push({
      category: 'content type',
      label,
      path: '/leads',
      headers,
      body,
      status: 415,
      code: 'unsupported-media-type',
    });
  }

  // ---- invalid JSON and non-object bodies -----------------------------------------------------------
  for (const body of [
    '{',
    '{"name":',
    "{'name':'Ali'}",
    '{"name":"Ali",}',
    'undefined',
    'NaN',
    '',
    '{"name":"Ali"}}',
    '\u0000',
  ]) {
    cases.push({
      category: 'invalid JSON',
      label: JSON.stringify(body),
      path: '/leads',
      headers: JSON_TYPE,
      body,
      status: 400,
      code: 'malformed-body',
    });
  }
  for (const body of ['[]', `[${validJson}]`, 'null', '"Ali"', '42', 'true']) {
    cases.push({
      category: 'JSON not an object',
      label: body.slice(0, 20),
      path: '/leads',
      headers: JSON_TYPE,
      body,
      status: 400,
      code: 'malformed-body',
    });
  }

  // ---- forged and unknown fields -------------------------------------------------------------------
  const forged: [string, unknown][] = [
    ['owner', { type: 'user', id: 'rep-ayse', ruleId: 'x' }],
    ['owner', 'rep-ayse'],
    ['ownerId', 'rep-mehmet'],
    ['status', 'converted'],
    ['status', 'qualified'],
    ['consentedAt', '2020-01-01T00:00:00.000Z'],
    ['createdAt', '2020-01-01T00:00:00.000Z'],
    ['updatedAt', '2020-01-01T00:00:00.000Z'],
    ['customerId', '01ARZ3NDEKTSV4RRFFQ69G5FAV'],
    ['leadId', '01ARZ3NDEKTSV4RRFFQ69G5FAV'],
    ['version', 99],
    ['ruleId', 'export-leads'],
  ];
  for (const [field, value] of forged) {
    json(
      'forged field',
      `${field} = ${JSON.stringify(value)}`,
      { ...valid, [field]: value },
      400,
      'validation-failed',
      field,
    );
  }
  for (const field of ['owner', 'ownerId', 'status', 'consentedAt', 'createdAt', 'customerId']) {
    form('forged field', `form ${field}`, { ...formValid, [field]: 'x' }, 400, 'validation-failed', field);
  }
  for (const field of ['foo', 'Name', 'e_mail', 'phoneNumber', 'isAdmin', 'constructor', '__proto__']) {
    // JSON.parse keeps "__proto__" as an own key, as an attacker would send it.
    const body = `{${asJson(valid).slice(1, -1)},${JSON.stringify(field)}:"x"}`;
    cases.push({
      category: 'unknown field',
      label: field,
      path: '/leads',
      headers: JSON_TYPE,
      body,
      status: 400,
      code: 'validation-failed',
      field,
    });
  }
  for (const field of ['foo', 'constructor', '__proto__', 'toString']) {
    form('unknown field', `form ${field}`, { ...formValid, [field]: 'x' }, 400, 'validation-failed', field);
  }

  // ---- consent without its text version ----------------------------------------------------------
  for (const box of ['consent_email', 'consent_sms', 'consent_phone']) {
    json(
      'consent without text version',
      `${box}: true`,
      { ...valid, [box]: true },
      400,
      'validation-failed',
      'consentTextVersion',
    );
    form(
      'consent without text version',
      `form ${box}=on`,
      { ...formValid, [box]: 'on' },
      400,
      'validation-failed',
      'consentTextVersion',
    );
  }
  json(
    'consent without text version',
    'empty text version',
    { ...valid, consent_email: true, consentTextVersion: '' },
    400,
    'validation-failed',
    'consentTextVersion',
  );
  json(
    'consent without contact',
    'e-mail consent without e-mail',
    { name: p.name, phone: p.phone, consent_email: true, consentTextVersion: 'v1' },
    400,
    'validation-failed',
    'consent_email',
  );
  json(
    'consent without contact',
    'SMS consent without phone',
    { name: p.name, email: p.email, consent_sms: true, consentTextVersion: 'v1' },
    400,
    'validation-failed',
    'phone',
  );

  // ---- language -------------------------------------------------------------------------------
  for (const language of ['de', 'TR', 'EN', 'english', '', 'tr-TR', ' tr']) {
    json('bad language', JSON.stringify(language), { ...valid, language }, 400, 'validation-failed', 'language');
  }
  form('bad language', 'form language=fr', { ...formValid, language: 'fr' }, 400, 'validation-failed', 'language');

  // ---- redirects off the allow-list -----------------------------------------------------------------
  const port = new URL(api()).port;
  for (const redirect of [
    'https://evil.example.net/thanks',
    `http://localhost:${port}.evil.example.net/thanks`,
    `http://localhost:${port}@evil.example.net/thanks`,
    `https://localhost:${port}/forms/thanks`,
    `http://localhost:${Number(port) + 1}/forms/thanks`,
    'javascript:alert(document.cookie)',
    'data:text/html,<h1>x</h1>',
    '//evil.example.net/thanks',
    '/forms/thanks',
    'not a url',
  ]) {
    form('foreign redirect', redirect, { ...formValid, redirect }, 400, 'validation-failed', 'redirect');
  }
  json(
    'foreign redirect',
    'JSON with foreign redirect',
    { ...valid, redirect: 'https://evil.example.net/' },
    400,
    'validation-failed',
    'redirect',
  );

  // ---- foreign Origin (a valid body: only the origin is wrong) ------------------------------------
  for (const origin of [
    'https://evil.example.net',
    `http://localhost:${Number(port) + 7}`,
    `https://localhost:${port}`,
    'http://localhost',
    'file://',
  ]) {
    json('foreign origin', origin, valid, 403, 'forbidden', undefined, { origin });
    form('foreign origin', `form from ${origin}`, formValid, 403, 'forbidden');
    cases.at(-1)!.headers = { ...FORM_TYPE, origin };
  }

  // ---- duplicate form fields ------------------------------------------------------------------
  for (const field of ['name', 'email', 'phone', 'consent_email', 'redirect', 'language']) {
    const pairs: [string, string][] = Object.entries(formValid);
    pairs.push([field, field === 'redirect' ? `${api()}/forms/thanks` : field === 'language' ? 'en' : 'ikinci']);
    if (field === 'redirect' || field === 'consent_email' || field === 'language')
      pairs.push([field, pairs.at(-1)![1]]);
    cases.push({
      category: 'duplicate form field',
      label: field,
      path: '/leads',
      headers: FORM_TYPE,
      body: asFormPairs(pairs),
      status: 400,
      code: 'validation-failed',
      field,
    });
  }

  // ---- retries of bad requests with an Idempotency-Key still write nothing ----------------------------
  for (let i = 0; i < 3; i++) {
    json('bad body with idempotency key', `attempt ${i + 1}`, { name: p.name }, 400, 'validation-failed', 'email', {
      'idempotency-key': `hostile-${p.email}`,
    });
  }

  // ---- staff routes -----------------------------------------------------------------------------
  const manager = bearer(keys().manager);
  const list = (label: string, query: string, field: string) =>
    cases.push({
      category: 'GET /leads query',
      label,
      path: `/leads?${query}`,
      method: 'GET',
      headers: manager,
      status: 400,
      code: 'validation-failed',
      field,
    });
  const cursor = (value: unknown) =>
    Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  list('garbage cursor', 'cursor=%%%not-base64', 'cursor');
  list('cursor of plain text', `cursor=${cursor('hello')}`, 'cursor');
  list('cursor of a JSON array', `cursor=${cursor(['a'])}`, 'cursor');
  list('cursor with numbers', `cursor=${cursor({ pk: 1, sk: 2 })}`, 'cursor');
  list('cursor of an empty object', `cursor=${cursor({})}`, 'cursor');
  list('cursor with foreign keys', `cursor=${cursor({ a: 'b' })}`, 'cursor');
  list(
    'cursor into another index partition',
    `cursor=${cursor({ pk: 'APIKEY#x', sk: 'KEY', gsi2pk: 'APIKEYS', gsi2sk: 'z' })}`,
    'cursor',
  );
  list('cursor too long', `cursor=${'A'.repeat(2001)}`, 'cursor');
  for (const limit of ['0', '-1', '101', 'abc', '1.5', '1e9', '']) list(`limit=${limit}`, `limit=${limit}`, 'limit');
  for (const status of ['won', 'NEW', 'open', '']) list(`status=${status}`, `status=${status}`, 'status');
  list('from not a date', 'from=yesterday', 'from');
  list('to not a date', 'to=2026-13-45', 'to');
  list('unknown parameter', 'sort=asc', 'sort');
  list('owner too long', `owner=${'x'.repeat(101)}`, 'owner');

  const status = (
    label: string,
    body: string | undefined,
    expected: number,
    code: string,
    field?: string,
    headers = JSON_TYPE,
  ) =>
    cases.push({
      category: 'POST /leads/{id}/status',
      label,
      path: `/leads/${leadId}/status`,
      headers: { ...headers, ...manager },
      body,
      status: expected,
      code,
      field,
    });
  for (const to of ['won', 'NEW', 'deleted', '', 'new; DROP TABLE']) {
    status(`to=${JSON.stringify(to)}`, asJson({ to }), 400, 'validation-failed', 'to');
  }
  status('to as number', asJson({ to: 1 }), 400, 'validation-failed', 'to');
  status('to as null', asJson({ to: null }), 400, 'validation-failed', 'to');
  status('no to', asJson({ seq: 1 }), 400, 'validation-failed', 'to');
  status('seq as string', asJson({ to: 'contacted', seq: '1' }), 400, 'validation-failed', 'seq');
  status('seq zero', asJson({ to: 'contacted', seq: 0 }), 400, 'validation-failed', 'seq');
  status('seq fraction', asJson({ to: 'contacted', seq: 1.5 }), 400, 'validation-failed', 'seq');
  status('forged actor', asJson({ to: 'contacted', actorId: 'mgr-zeynep' }), 400, 'validation-failed', 'actorId');
  status('forged owner', asJson({ to: 'contacted', owner: 'rep-ayse' }), 400, 'validation-failed', 'owner');
  status('invalid JSON', '{"to":', 400, 'malformed-body');
  status('JSON array', '["contacted"]', 400, 'malformed-body');
  status('text/plain', 'contacted', 415, 'unsupported-media-type', undefined, { 'content-type': 'text/plain' });
  status('oversize', asJson({ to: 'contacted', pad: 'x'.repeat(3000) }), 413, 'payload-too-large');
  status('form with illegal status', asForm({ to: 'won' }), 400, 'validation-failed', 'to', FORM_TYPE);

  const note = (label: string, body: string, expected: number, code: string, field?: string) =>
    cases.push({
      category: 'POST /leads/{id}/notes',
      label,
      path: `/leads/${leadId}/notes`,
      headers: { ...JSON_TYPE, ...manager },
      body,
      status: expected,
      code,
      field,
    });
  note('empty text', asJson({ text: '' }), 400, 'validation-failed', 'text');
  note('blank text', asJson({ text: '   ' }), 400, 'validation-failed', 'text');
  note('text as object', asJson({ text: { a: 1 } }), 400, 'validation-failed', 'text');
  note('text too long', asJson({ text: 'a'.repeat(4001) }), 400, 'validation-failed', 'text');
  note('oversize', asJson({ text: 'a'.repeat(9000) }), 413, 'payload-too-large');
  note('unknown field', asJson({ text: 'ok', authorId: 'rep-ayse' }), 400, 'validation-failed', 'authorId');

  for (const [method, path] of [
    ['PUT', '/leads'],
    ['DELETE', '/leads'],
    ['PATCH', `/leads/${leadId}`],
    ['DELETE', `/leads/${leadId}`],
  ] as const) {
    cases.push({
      category: 'method',
      label: `${method} ${path}`,
      path,
      method,
      headers: { ...JSON_TYPE, ...manager },
      body: '{}',
      status: 405,
      code: 'method-not-allowed',
    });
  }
  cases.push({
    category: 'staff without key',
    label: 'GET /leads without a key',
    path: '/leads',
    method: 'GET',
    status: 401,
    code: 'unauthorized',
  });
  cases.push({
    category: 'staff without key',
    label: 'status change without a key',
    path: `/leads/${leadId}/status`,
    headers: JSON_TYPE,
    body: asJson({ to: 'contacted' }),
    status: 401,
    code: 'unauthorized',
  });
  return cases;
};

describe('hostile input', () => {
  let leadId: string;
  let cases: Case[];

  beforeAll(async () => {
    const owner = uniquePerson('hostile-target');
    ({ leadId } = await captureLead({ name: owner.name, email: owner.email, city: 'Van' }));
    cases = hostileCases(leadId);
  });

  it('builds at least 200 requests from every category', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.category)).size).toBeGreaterThanOrEqual(25);
  });

  it('answers every one with a 4xx problem naming the bad field, and writes nothing', async () => {
    await settle();
    const before = await tableItemCount();
    const failures: string[] = [];
    const results: { c: Case; status: number; problem?: Problem; error?: string }[] = [];
    for (const c of cases) {
      const response = await send(c.path, { method: c.method ?? 'POST', headers: c.headers, body: c.body });
      try {
        results.push({ c, status: response.status, problem: await readProblem(response) });
      } catch (error) {
        results.push({ c, status: response.status, error: (error as Error).message });
      }
    }
    for (const { c, status, problem, error } of results) {
      const name = `[${c.category}] ${c.label.slice(0, 80)}`;
      if (status >= 500) failures.push(`${name}: ${status} (5xx) ${error ?? JSON.stringify(problem)}`);
      else if (status !== c.status)
        failures.push(`${name}: expected ${c.status}, got ${status} ${error ?? JSON.stringify(problem)}`);
      else if (!problem) failures.push(`${name}: ${error}`);
      else {
        const shapeOk =
          typeof problem.type === 'string' &&
          problem.type.length > 0 &&
          typeof problem.title === 'string' &&
          problem.title.length > 0 &&
          problem.status === status &&
          typeof problem.code === 'string';
        if (!shapeOk) failures.push(`${name}: not a complete problem document: ${JSON.stringify(problem)}`);
        if (c.code && problem.code !== c.code) failures.push(`${name}: code ${problem.code}, expected ${c.code}`);
        if (c.field && !problem.errors?.some((e) => e.path === c.field && typeof e.message === 'string' && e.message)) {
          failures.push(`${name}: errors do not name ${c.field}: ${JSON.stringify(problem.errors)}`);
        }
      }
    }
    await settle();
    const after = await tableItemCount();
    if (after !== before) failures.push(`the batch wrote ${after - before} item(s) to the table`);
    expect(failures).toEqual([]);
  });

  it('a cursor that decodes to a key-shaped object the API never issued is a 400 naming cursor, for a manager and a rep', async () => {
    const forged = Buffer.from(JSON.stringify({ pk: 'x', sk: 'y', gsi2pk: 'LEADS#new', gsi2sk: 'z' })).toString(
      'base64url',
    );
    for (const key of [keys().manager, keys().repAyse]) {
      const response = await send(`/leads?cursor=${forged}`, { method: 'GET', headers: bearer(key) });
      expect(response.status).toBe(400);
      expect((await readProblem(response)).errors?.map((e) => e.path)).toEqual(['cursor']);
    }
  });

  it('a form cannot slip an unknown field past validation by calling it __proto__', async () => {
    const p = uniquePerson('proto');
    await settle();
    const before = await tableItemCount();
    const response = await send('/leads', {
      headers: FORM_TYPE,
      body: `${asForm({ name: p.name, email: p.email })}&__proto__=x`,
    });
    expect(response.status).toBe(400);
    expect((await readProblem(response)).errors?.map((e) => e.path)).toEqual(['__proto__']);
    await settle();
    expect(await tableItemCount()).toBe(before);
  });

  it('a validation problem names every bad field at once', async () => {
    const response = await send('/leads', {
      headers: JSON_TYPE,
      body: asJson({ name: '<b>x</b>', email: 'nope', phone: 'abc', language: 'de', owner: 'rep-ayse' }),
    });
    expect(response.status).toBe(400);
    const problem = await readProblem(response);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['email', 'language', 'name', 'owner', 'phone']);
  });
});
