// Examples from the EventBridge user guide ("Creating event patterns", "Content filtering in Amazon
// EventBridge event patterns", arrays, null values) and the event-ruler README it is built on.
import { describe, expect, it } from 'vitest';
import { useCases } from '../../functions/manifests.js';
import { InvalidEventPatternError, matchesPattern, validatePattern } from '../../infra/local/event-pattern.js';
import type { EventPattern } from '../../shared/manifest.js';

const ec2Event = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

const withDetail = (detail: Record<string, unknown>) => ({ ...ec2Event, detail });
const matches = (pattern: EventPattern, event: Record<string, unknown> = ec2Event) => matchesPattern(pattern, event);

describe('exact matching', () => {
  it('matches source, detail-type and a nested detail field', () => {
    const pattern = {
      source: ['aws.ec2'],
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['running'] },
    };
    expect(matches(pattern)).toBe(true);
    expect(matches({ ...pattern, detail: { state: ['terminated'] } })).toBe(false);
  });

  it('treats the values of a field as alternatives and needs every field', () => {
    expect(matches({ source: ['aws.ec2', 'aws.fargate'] })).toBe(true);
    expect(matches({ source: ['aws.ec2'], region: ['eu-central-1'] })).toBe(false);
    expect(matches({ detail: { missing: ['x'] } })).toBe(false);
  });

  it('matches an event array when it intersects the pattern array', () => {
    const resources = [
      'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
    ];
    const event = { resources: ['arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup', resources[0]] };
    expect(matches({ resources }, event)).toBe(true);
    expect(matches({ resources: [resources[1]!] }, event)).toBe(false);
  });

  it('matches objects inside an array element by element', () => {
    const event = {
      employees: [
        { firstName: 'John', lastName: 'Doe' },
        { firstName: 'Anna', lastName: 'Smith' },
        { firstName: 'Peter', lastName: 'Jones' },
      ],
    };
    expect(matches({ employees: { firstName: ['Anna'] } }, event)).toBe(true);
    expect(matches({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, event)).toBe(false);
  });

  it('keeps null, empty string, numbers and booleans apart', () => {
    const event = withDetail({ eventVersion: '', responseElements: null, count: 5, enabled: true });
    expect(matches({ detail: { eventVersion: [''] } }, event)).toBe(true);
    expect(matches({ detail: { responseElements: [null] } }, event)).toBe(true);
    expect(matches({ detail: { eventVersion: [null] } }, event)).toBe(false);
    expect(matches({ detail: { responseElements: [''] } }, event)).toBe(false);
    expect(matches({ detail: { count: [5] } }, event)).toBe(true);
    expect(matches({ detail: { count: ['5'] } }, event)).toBe(false);
    expect(matches({ detail: { enabled: [true] } }, event)).toBe(true);
    expect(matches({ detail: { enabled: ['true'] } }, event)).toBe(false);
  });
});

describe('prefix and suffix', () => {
  it('matches a prefix', () => {
    expect(matches({ time: [{ prefix: '2017-10-02' }] })).toBe(true);
    expect(matches({ time: [{ prefix: '2017-10-03' }] })).toBe(false);
  });

  it('matches a prefix ignoring case', () => {
    const pattern = { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } };
    expect(matches(pattern, withDetail({ service: 'eventbridge' }))).toBe(true);
    expect(matches(pattern, withDetail({ service: 'EVENTBRIDGE' }))).toBe(true);
    expect(matches(pattern, withDetail({ service: 'lambda' }))).toBe(false);
  });

  it('matches a suffix, with and without case', () => {
    expect(matches({ FileName: [{ suffix: '.png' }] }, { FileName: 'image.png' })).toBe(true);
    expect(matches({ FileName: [{ suffix: '.png' }] }, { FileName: 'image.PNG' })).toBe(false);
    const ignoreCase = { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } };
    expect(matches(ignoreCase, withDetail({ FileName: 'image.PNG' }))).toBe(true);
    expect(matches(ignoreCase, withDetail({ FileName: 'image.jpg' }))).toBe(false);
  });

  it('only applies string matchers to strings', () => {
    expect(matches({ detail: { 'c-count': [{ prefix: '5' }] } })).toBe(false);
  });
});

describe('equals-ignore-case', () => {
  it('matches regardless of case', () => {
    expect(matches({ Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'ALICE' })).toBe(true);
    expect(matches({ Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'Alicia' })).toBe(false);
  });
});

describe('wildcard', () => {
  it('matches any run of characters for each star', () => {
    expect(matches({ source: [{ wildcard: 'Simple*Service' }] }, { source: 'SimpleQueueService' })).toBe(true);
    expect(matches({ source: [{ wildcard: 'Simple*Service' }] }, { source: 'SimpleService' })).toBe(true);
    expect(matches({ source: [{ wildcard: 'Simple*Service' }] }, { source: 'SimpleQueue' })).toBe(false);
    expect(
      matches(
        { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
        {
          EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/crm',
        },
      ),
    ).toBe(true);
  });

  it('treats an escaped star literally and regex characters as text', () => {
    expect(matches({ name: [{ wildcard: 'a\\*b' }] }, { name: 'a*b' })).toBe(true);
    expect(matches({ name: [{ wildcard: 'a\\*b' }] }, { name: 'axb' })).toBe(false);
    expect(matches({ name: [{ wildcard: 'file.(1)*' }] }, { name: 'file.(1).txt' })).toBe(true);
    expect(matches({ name: [{ wildcard: 'file.(1)*' }] }, { name: 'fileX(1).txt' })).toBe(false);
  });
});

describe('anything-but', () => {
  it('excludes a string or a number', () => {
    expect(matches({ detail: { state: [{ 'anything-but': 'initializing' }] } })).toBe(true);
    expect(matches({ detail: { state: [{ 'anything-but': 'running' }] } })).toBe(false);
    expect(matches({ detail: { 'x-limit': [{ 'anything-but': 123 }] } })).toBe(true);
    expect(matches({ detail: { 'x-limit': [{ 'anything-but': 301.8 }] } })).toBe(false);
  });

  it('excludes a list of strings or numbers', () => {
    expect(matches({ detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } })).toBe(true);
    expect(matches({ detail: { state: [{ 'anything-but': ['stopped', 'running'] }] } })).toBe(false);
    expect(matches({ detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } })).toBe(true);
    expect(matches({ detail: { 'd-count': [{ 'anything-but': [1, 2, 3] }] } })).toBe(false);
  });

  it('excludes a prefix, a suffix, a case-insensitive value and a wildcard', () => {
    expect(matches({ detail: { state: [{ 'anything-but': { prefix: 'init' } }] } })).toBe(true);
    expect(matches({ detail: { state: [{ 'anything-but': { prefix: 'run' } }] } })).toBe(false);
    expect(matches({ FileName: [{ 'anything-but': { suffix: '.png' } }] }, { FileName: 'a.jpg' })).toBe(true);
    expect(matches({ FileName: [{ 'anything-but': { suffix: '.png' } }] }, { FileName: 'a.png' })).toBe(false);
    const ignoreCase = { state: [{ 'anything-but': { 'equals-ignore-case': ['initializing', 'stopped'] } }] };
    expect(matches(ignoreCase, { state: 'running' })).toBe(true);
    expect(matches(ignoreCase, { state: 'INITIALIZING' })).toBe(false);
    expect(matches({ FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { FilePath: '/usr/bin/x' })).toBe(true);
    expect(matches({ FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { FilePath: '/usr/lib/x' })).toBe(
      false,
    );
  });

  it('needs the field to be present', () => {
    expect(matches({ detail: { missing: [{ 'anything-but': 'x' }] } })).toBe(false);
  });
});

describe('numeric', () => {
  it('matches the documented ranges on the sample event', () => {
    const pattern = {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    };
    expect(matches(pattern)).toBe(true);
    expect(matches(pattern, withDetail({ ...ec2Event.detail, 'c-count': 6 }))).toBe(false);
    expect(matches(pattern, withDetail({ ...ec2Event.detail, 'c-count': 0 }))).toBe(false);
    expect(matches(pattern, withDetail({ ...ec2Event.detail, 'c-count': '5' }))).toBe(false);
  });

  it('supports >= and a half-open range', () => {
    expect(matches({ detail: { 'd-count': [{ numeric: ['>=', 3] }] } })).toBe(true);
    expect(matches({ detail: { 'd-count': [{ numeric: ['>', 3] }] } })).toBe(false);
    expect(matches({ detail: { 'd-count': [{ numeric: ['>=', 3, '<', 4] }] } })).toBe(true);
    expect(matches({ detail: { 'd-count': [{ numeric: ['>=', 1, '<', 3] }] } })).toBe(false);
  });
});

describe('cidr', () => {
  it('matches IPv4 and IPv6 addresses in a block', () => {
    expect(matches({ detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } })).toBe(true);
    expect(matches({ detail: { 'source-ip': [{ cidr: '10.0.1.0/24' }] } })).toBe(false);
    expect(matches({ ip: [{ cidr: '2001:db8::/32' }] }, { ip: '2001:db8::1' })).toBe(true);
    expect(matches({ ip: [{ cidr: '2001:db8::/32' }] }, { ip: '2001:db9::1' })).toBe(false);
    expect(matches({ ip: [{ cidr: '10.0.0.0/8' }] }, { ip: 'not an address' })).toBe(false);
  });
});

describe('exists', () => {
  it('matches a present or an absent leaf field', () => {
    expect(matches({ detail: { 'c-count': [{ exists: true }] } })).toBe(true);
    expect(matches({ detail: { 'c-count': [{ exists: false }] } })).toBe(false);
    expect(matches({ detail: { 'e-count': [{ exists: false }] } })).toBe(true);
    expect(matches({ detail: { 'e-count': [{ exists: true }] } })).toBe(false);
  });

  it('counts a null value as present and an object as no leaf', () => {
    expect(matches({ detail: { reason: [{ exists: true }] } }, withDetail({ reason: null }))).toBe(true);
    const objectValue = withDetail({ state: 'running', 'c-count': { c1: 100 } });
    expect(matches({ detail: { 'c-count': [{ exists: false }] } }, objectValue)).toBe(true);
    expect(matches({ detail: { 'c-count': [{ exists: true }] } }, objectValue)).toBe(false);
  });
});

// "Event pattern syntax", considerations: EventBridge joins field names with a dot when it compiles a pattern, so a
// dotted key and the nested spelling are the same rule and match both spellings in the event; when one field is
// given more than once, only the last is used.
describe('dotted field names', () => {
  it('matches a dotted key like the nested form', () => {
    expect(matches({ 'detail.state': ['running'] })).toBe(true);
    expect(matches({ 'detail.state': ['stopped'] })).toBe(false);
    expect(matches({ 'detail.c-count': [{ numeric: ['>', 4] }], detail: { state: ['running'] } })).toBe(true);
    expect(matches({ 'detail.c-count': [{ numeric: ['>', 5] }], detail: { state: ['running'] } })).toBe(false);
    const nested = withDetail({ state: { status: 'running' } });
    expect(matches({ detail: { 'state.status': ['running'] } }, nested)).toBe(true);
    expect(matches({ 'detail.missing': [{ exists: false }] })).toBe(true);
  });

  it('matches a dotted key in the event like the nested one', () => {
    const dotted = withDetail({ 'state.status': 'running' });
    expect(matches({ detail: { state: { status: ['running'] } } }, dotted)).toBe(true);
    expect(matches({ detail: { 'state.status': ['running'] } }, dotted)).toBe(true);
    expect(matches({ detail: { state: { status: ['stopped'] } } }, dotted)).toBe(false);
  });

  it('keeps the last of two spellings of one field', () => {
    expect(matches({ 'detail.state': ['stopped'], detail: { state: ['running'] } })).toBe(true);
    expect(matches({ detail: { state: ['running'] }, 'detail.state': ['stopped'] })).toBe(false);
  });

  it('keeps the fields of one match within one array element', () => {
    const event = {
      employees: [
        { firstName: 'Anna', lastName: 'Smith' },
        { firstName: 'Peter', lastName: 'Jones' },
      ],
    };
    expect(matches({ 'employees.firstName': ['Anna'], 'employees.lastName': ['Smith'] }, event)).toBe(true);
    expect(matches({ 'employees.firstName': ['Anna'], 'employees.lastName': ['Jones'] }, event)).toBe(false);
  });
});

// Exists matching only sees leaves, and an array's elements are its values ("Arrays in event patterns"). EventBridge
// matches arrays with event-ruler's array-consistent matcher: a field is absent only if no element that the match
// has not already ruled out carries it, so one element with the field is enough to make `exists: false` fail.
describe('exists over arrays', () => {
  const team = (...people: Record<string, unknown>[]) => withDetail({ team: people });

  it('treats an empty array as absent and an array of values as present', () => {
    expect(matches({ resources: [{ exists: false }] }, { ...ec2Event, resources: [] })).toBe(true);
    expect(matches({ resources: [{ exists: true }] }, { ...ec2Event, resources: [] })).toBe(false);
    expect(matches({ resources: [{ exists: false }] })).toBe(false);
    expect(matches({ resources: [{ exists: true }] })).toBe(true);
  });

  it('fails exists: false when any element of the array carries the field', () => {
    const pattern = { detail: { team: { phone: [{ exists: false }] } } };
    expect(matches(pattern, team({ name: 'Ayla' }, { name: 'Deniz', phone: '+905550000000' }))).toBe(false);
    expect(matches(pattern, team({ name: 'Deniz', phone: '+905550000000' }, { name: 'Ayla' }))).toBe(false);
    expect(matches(pattern, team({ name: 'Ayla' }, { name: 'Deniz' }))).toBe(true);
    expect(matches({ 'detail.team.phone': [{ exists: false }] }, team({ name: 'Ayla' }, { phone: '1' }))).toBe(false);
  });

  it('looks only at the element an earlier field of the match chose', () => {
    // "name" sorts before "phone", so the element is chosen by name before phone's absence is judged.
    const pattern = { detail: { team: { name: ['Ayla'], phone: [{ exists: false }] } } };
    expect(matches(pattern, team({ name: 'Ayla' }, { name: 'Deniz', phone: '+905550000000' }))).toBe(true);
    expect(matches(pattern, team({ name: 'Ayla', phone: '+905550000000' }, { name: 'Deniz' }))).toBe(false);
  });

  it('needs exists: true to find the field in the same element as the rest of the match', () => {
    const pattern = { detail: { team: { name: ['Ayla'], phone: [{ exists: true }] } } };
    expect(matches(pattern, team({ name: 'Ayla' }, { name: 'Deniz', phone: '+905550000000' }))).toBe(false);
    expect(matches(pattern, team({ name: 'Ayla', phone: '+905550000000' }, { name: 'Deniz' }))).toBe(true);
  });
});

describe('$or', () => {
  const pattern = {
    source: ['aws.cloudwatch'],
    $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
  };

  it('matches when any branch matches', () => {
    expect(matches(pattern, { source: 'aws.cloudwatch', metricName: 'ReadLatency' })).toBe(true);
    expect(matches(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/ES' })).toBe(true);
    expect(matches(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/S3' })).toBe(false);
    expect(matches(pattern, { source: 'aws.ec2', metricName: 'ReadLatency' })).toBe(false);
  });
});

describe('the documented complex example', () => {
  it('combines prefix, anything-but, numeric and cidr', () => {
    const pattern = {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
        'source-ip': [{ cidr: '10.0.0.0/8' }],
      },
    };
    expect(matches(pattern)).toBe(true);
    expect(matches(pattern, withDetail({ ...ec2Event.detail, state: 'initializing' }))).toBe(false);
  });
});

describe('validatePattern', () => {
  it.each<[string, EventPattern]>([
    ['a leaf that is not an array', { source: 'aws.ec2' }],
    ['an unknown operator', { source: [{ contains: 'ec2' }] }],
    ['an empty array', { source: [] }],
    ['an empty object', { detail: {} }],
    ['two keys in one match expression', { source: [{ prefix: 'a', suffix: 'b' }] }],
    ['a nested array value', { source: [['aws.ec2']] }],
    ['a malformed numeric range', { n: [{ numeric: ['<', 10, '>', 0] }] }],
    ['a numeric bound that is not a number', { n: [{ numeric: ['>', '0'] }] }],
    ['exists that is not a boolean', { n: [{ exists: 'yes' }] }],
    ['consecutive wildcards', { n: [{ wildcard: 'a**b' }] }],
    ['a bad wildcard escape', { n: [{ wildcard: 'a\\b' }] }],
    ['a bad CIDR', { n: [{ cidr: '10.0.0.0/33' }] }],
    ['a mixed anything-but list', { n: [{ 'anything-but': ['a', 1] }] }],
    ['an unsupported anything-but operator', { n: [{ 'anything-but': { numeric: ['>', 1] } }] }],
    ['an empty anything-but prefix', { n: [{ 'anything-but': { prefix: '' } }] }],
    ['$or with one branch', { $or: [{ a: ['1'] }] }],
    // event-ruler refuses a range whose bottom is not below its top ("Bottom must be less than top").
    ['an empty numeric range', { n: [{ numeric: ['>', 5, '<', 5] }] }],
    ['a numeric range closed at one point', { n: [{ numeric: ['>=', 5, '<=', 5] }] }],
    ['an inverted numeric range', { n: [{ numeric: ['>', 10, '<', 1] }] }],
    // event-ruler README, "$or": a branch may not use a match-expression keyword as a field name.
    ['a match keyword as a field inside $or', { $or: [{ numeric: [123] }, { prefix: ['abc'] }] }],
    // EventBridge quotas: an event pattern is at most 2048 characters unless the quota is raised.
    ['a pattern over the size quota', { source: Array.from({ length: 300 }, (_, i) => `source-${i}`) }],
  ])('refuses %s', (_, pattern) => {
    expect(() => validatePattern(pattern)).toThrow(InvalidEventPatternError);
  });

  it('names the reason and the field', () => {
    expect(() => validatePattern({ detail: { state: [{ contains: 'x' }] } })).toThrow(
      'Event pattern is not valid. Reason: Unrecognized match type contains (at "detail.state")',
    );
  });

  it('says why a range is empty and accepts the narrowest open range', () => {
    expect(() => validatePattern({ detail: { total: [{ numeric: ['>=', 5, '<=', 5] }] } })).toThrow(
      'Event pattern is not valid. Reason: Empty numeric range [">=",5,"<=",5]: ' +
        'the lower bound must be less than the upper bound (at "detail.total")',
    );
    expect(() => validatePattern({ n: [{ numeric: ['>=', 5, '<', 5.000001] }] })).not.toThrow();
    expect(matches({ n: [{ numeric: ['>=', 5, '<', 5.000001] }] }, { n: 5 })).toBe(true);
  });

  it('accepts a pattern at the size quota and names the quota above it', () => {
    const atQuota = { s: ['x'.repeat(2048 - JSON.stringify({ s: [''] }).length)] };
    expect(JSON.stringify(atQuota)).toHaveLength(2048);
    expect(() => validatePattern(atQuota)).not.toThrow();
    const over = { s: [`${atQuota.s[0]}y`] };
    expect(() => validatePattern(over)).toThrow(
      'Event pattern is 2049 characters; the event pattern size quota is 2048',
    );
  });

  it('accepts a match keyword as a field name outside $or', () => {
    expect(() => validatePattern({ detail: { prefix: ['x'] } })).not.toThrow();
    expect(matches({ detail: { prefix: ['x'] } }, withDetail({ prefix: 'x' }))).toBe(true);
  });

  it('accepts every subscription pattern of every manifest', () => {
    const patterns = useCases.flatMap((useCase) => useCase.subscriptions.map(({ pattern }) => pattern));
    expect(patterns.length).toBeGreaterThanOrEqual(9);
    for (const pattern of patterns) expect(() => validatePattern(pattern)).not.toThrow();
  });
});
