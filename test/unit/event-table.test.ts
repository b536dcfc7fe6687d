// A module's events are declared next to its code and reach the catalogue through its manifest alone:
// adding a module with an event and a record part changes no central file, only the generated tables.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineEvents, type EventDeclarations, envelope } from '../../events/event.js';
import { platformEvents } from '../../events/platform.js';
import { catalogue } from '../../functions/event-table.js';
import { useCases } from '../../functions/manifests.js';
import { eventsDeclared, eventsTable, eventTableSource, recordPartTableSource } from '../../infra/generated-files.js';
import type { UseCaseManifest } from '../../shared/manifest.js';
import * as z from '../../shared/schema.js';

const root = resolve(import.meta.dirname, '../..');

/** A throw-away module, declared in memory: one event and one record part, nothing else. */
const fixture: UseCaseManifest = {
  name: 'fixture-module',
  events: defineEvents('crm.fixtures', {
    FixtureHappened: z.object({ ...envelope, fixtureId: z.string(), count: z.int() }),
  }),
  recordParts: { fixtures: { place: 990 } },
  functions: {},
  routes: [],
  subscriptions: [],
  schedules: [],
};
const withFixture = [...useCases, fixture];
/** Whether a module has its events.ts on disk: as if the fixture's were (it would, as a real module), or as it is. */
const fixtureOnDisk = () => true;
const fixtureNotOnDisk = (module: string) => module !== fixture.name;

/** The lines `after` has and `before` has not; none may go. */
const added = (before: string, after: string) => {
  const [old, now] = [new Set(before.split('\n')), new Set(after.split('\n'))];
  expect([...old].filter((line) => !now.has(line))).toEqual([]);
  return [...now].filter((line) => !old.has(line));
};

describe('the event table', () => {
  it('picks up a new module’s event and record part from its manifest, and nothing else changes', () => {
    expect(added(eventTableSource(useCases), eventTableSource(withFixture, fixtureOnDisk))).toEqual([
      "import { events as fixtureModule } from './fixture-module/events.js';",
      '  ...fixtureModule,',
    ]);
    expect(added(recordPartTableSource(useCases), recordPartTableSource(withFixture))).toEqual([
      "import { recordParts as fixtureModule } from './fixture-module/public.js';",
      '  fixtures: fixtureModule.fixtures,',
    ]);
    expect(added(eventsTable(useCases), eventsTable(withFixture))).toEqual([
      '| `FixtureHappened` | `crm.fixtures` | `fixtureId` string, `count` integer | — |',
    ]);
  });

  it('refuses an event declared twice, by two modules or by a module and the platform', () => {
    const again = (name: string, events: UseCaseManifest['events']) => ({ ...fixture, name, events });
    expect(() => eventTableSource([...withFixture, again('other', fixture.events)], fixtureOnDisk)).toThrow(
      'Event FixtureHappened is declared twice',
    );
    const consent = { ConsentGranted: platformEvents.ConsentGranted };
    expect(() => eventsDeclared([again('fixture-module', consent)])).toThrow('Event ConsentGranted is declared twice');
    expect(() => eventTableSource(withFixture, fixtureNotOnDisk)).toThrow(
      'Module fixture-module declares events but has no',
    );
  });

  it('has each event from exactly one declaration: the platform’s, or one manifest’s events.ts', async () => {
    const owners = eventsDeclared(useCases);
    expect(owners.map(({ detailType }) => detailType).sort()).toEqual(Object.keys(catalogue).sort());
    for (const useCase of useCases.filter(({ events }) => events)) {
      const file = (await import(`../../functions/${useCase.name}/events.ts`)) as { events: unknown };
      expect(file.events, useCase.name).toBe(useCase.events);
    }
    for (const { detailType, module } of owners) {
      const declared: EventDeclarations =
        module === 'platform' ? platformEvents : useCases.find(({ name }) => name === module)!.events!;
      expect(catalogue[detailType as keyof typeof catalogue]).toBe(declared[detailType]);
    }
  });

  it('no file outside the modules’ own folders names a module’s event (the generated files aside)', () => {
    const moduleEvents = eventsDeclared(useCases)
      .filter(({ module }) => module !== 'platform')
      .map(({ detailType }) => detailType);
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return dir.endsWith('functions') ? [] : files(path);
        return name.endsWith('.ts') ? [relative(root, path)] : [];
      });
    const central = ['shared', 'events', 'infra', 'functions']
      .flatMap((dir) => files(join(root, dir)))
      .filter((file) => file !== 'functions/event-table.ts');
    expect(central).toContain('functions/manifests.ts');
    const naming = central.flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return moduleEvents.filter((name) => new RegExp(`\\b${name}\\b`).test(text)).map((name) => `${file}: ${name}`);
    });
    expect(naming).toEqual([]);
  });
});
