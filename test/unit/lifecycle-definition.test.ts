// What `defineLifecycle` offers and refuses, on a small lifecycle of its own: the moves a screen
// offers each role, the state an action leads to, and every refusal word for word in both languages
// (a record with one next step, several, none; a role that may not; a target no action reaches).
import { describe, expect, it } from 'vitest';
import { defineLifecycle } from '../../shared/lifecycle.js';
import { refusal } from '../support/refusals.js';

const door = defineLifecycle({
  name: 'door',
  states: ['open', 'closed', 'locked', 'broken'] as const,
  actions: {
    close: { from: ['open'], to: 'closed' },
    slam: { from: ['open'], to: 'closed' },
    break: { from: ['open', 'closed'], to: 'broken' },
    open: { from: ['closed'], to: 'open' },
    lock: { from: ['closed'], to: 'locked', roles: ['manager', 'director'] },
    unlock: { from: ['locked'], to: 'closed', roles: ['manager'] },
  },
  tr: {
    record: 'kapı',
    states: { open: 'açık', closed: 'kapalı', locked: 'kilitli', broken: 'kırık' },
    actions: { close: 'kapat', slam: 'çarp', break: 'kır', open: 'aç', lock: 'kilitle', unlock: 'kilidi aç' },
  },
});

const illegal = (en: string, tr: string) => ({
  status: 409,
  code: 'illegal-transition',
  detail: { en, tr },
  errors: [],
});

describe('what a lifecycle offers', () => {
  it('lists the actions and target states of each state in declaration order, each target once', () => {
    expect(door.allowed('open')).toEqual(['close', 'slam', 'break']);
    expect(door.allowed('broken')).toEqual([]);
    expect(door.targets('open')).toEqual(['closed', 'broken']);
    expect(door.targets('closed')).toEqual(['broken', 'open', 'locked']);
    expect(door.targets('broken')).toEqual([]);
  });

  it('offers each role only the moves it may make', () => {
    expect(door.movesFor('closed', 'rep')).toEqual([
      { action: 'break', to: 'broken' },
      { action: 'open', to: 'open' },
    ]);
    expect(door.movesFor('closed', 'director')).toEqual([
      { action: 'break', to: 'broken' },
      { action: 'open', to: 'open' },
      { action: 'lock', to: 'locked' },
    ]);
    expect(door.movesFor('locked', 'director')).toEqual([]);
    expect(door.movesFor('locked', 'manager')).toEqual([{ action: 'unlock', to: 'closed' }]);
  });
});

describe('applying an action', () => {
  it('leads where the action is declared to, for a role it names or when no role is given', () => {
    expect(door.apply('open', 'slam')).toBe('closed');
    expect(door.apply('closed', 'lock', 'director')).toBe('locked');
    expect(door.apply('closed', 'lock')).toBe('locked');
    expect(door.apply('closed', 'open', 'dealer')).toBe('open');
  });

  it('refuses an action from a state it does not start from, saying what the record can do', () => {
    expect(refusal(() => door.apply('locked', 'close'))).toEqual(
      illegal(
        'A locked door cannot take "close"; it can take "unlock".',
        '"kilitli" durumundaki kapı "kapat" adımını atamaz; atabileceği adımlar: "kilidi aç".',
      ),
    );
    expect(refusal(() => door.apply('open', 'open', 'manager'))).toEqual(
      illegal(
        'A open door cannot take "open"; it can take "close" or "slam" or "break".',
        '"açık" durumundaki kapı "aç" adımını atamaz; atabileceği adımlar: "kapat" veya "çarp" veya "kır".',
      ),
    );
    expect(refusal(() => door.apply('broken', 'open'))).toEqual(
      illegal(
        'A broken door cannot take "open"; it can take no action.',
        '"kırık" durumundaki kapı "aç" adımını atamaz; hiçbir adım atamaz.',
      ),
    );
  });

  it('refuses a role the action is not for, naming the roles it is for', () => {
    expect(refusal(() => door.apply('closed', 'lock', 'rep'))).toEqual(
      illegal(
        '"lock" on a door is for manager or director.',
        '"kilitle" adımı yalnızca satış yöneticisi veya direktör içindir.',
      ),
    );
    expect(refusal(() => door.apply('locked', 'unlock', 'director'))).toEqual(
      illegal('"unlock" on a door is for manager.', '"kilidi aç" adımı yalnızca satış yöneticisi içindir.'),
    );
  });
});

describe('naming the target state', () => {
  it('finds the first declared action that leads there', () => {
    expect(door.actionTo('open', 'closed')).toBe('close');
    expect(door.actionTo('closed', 'locked')).toBe('lock');
    expect(door.actionTo('locked', 'closed')).toBe('unlock');
  });

  it('refuses a state no action reaches, naming those it can become', () => {
    expect(refusal(() => door.actionTo('open', 'locked'))).toEqual(
      illegal(
        'A open door cannot become locked; it can become closed or broken.',
        '"açık" durumundaki kapı "kilitli" olamaz; olabileceği durumlar: "kapalı" veya "kırık".',
      ),
    );
    expect(refusal(() => door.actionTo('locked', 'open'))).toEqual(
      illegal(
        'A locked door cannot become open; it can become closed.',
        '"kilitli" durumundaki kapı "açık" olamaz; olabileceği durumlar: "kapalı".',
      ),
    );
    expect(refusal(() => door.actionTo('broken', 'open'))).toEqual(
      illegal(
        'A broken door cannot become open; it can become nothing else.',
        '"kırık" durumundaki kapı "açık" olamaz; başka bir duruma geçemez.',
      ),
    );
  });
});
