// A module loaded again inside the test that asks for it. Its load-time code (an exported arrow
// function, a constant) then runs under that test: mutation testing credits a module's load to the
// test running when it loads, which for a module the tests import at the top is whichever test of
// another file happened to load it first (see docs/testing.md), so no test of its own could kill a
// mutant there.
import { vi } from 'vitest';

export const freshImport = async <T>(load: () => Promise<T>): Promise<T> => {
  vi.resetModules();
  return load();
};
