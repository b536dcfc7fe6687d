// The pure parts of import jobs: rows cut into chunks, which delivery applies a chunk, the percent shown.
import { describe, expect, it } from 'vitest';
import { chunkFile, chunksOf, dueAction, percentDone } from '../../shared/import-jobs.js';

describe('chunksOf', () => {
  it('cuts rows into chunks of the size, the last one shorter, and no rows into no chunk', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(chunksOf([1], 500)).toEqual([[1]]);
    expect(chunksOf([], 500)).toEqual([]);
  });
});

describe('dueAction', () => {
  const running = { status: 'running' as const, chunksDone: 2, chunks: 4 };
  it('applies only the chunk after the ones counted', () => {
    expect(dueAction(running, 3)).toBe('apply');
    expect(dueAction(running, 2)).toBe('nothing');
    expect(dueAction(running, 1)).toBe('nothing');
    expect(dueAction(running, 4)).toBe('nothing');
    expect(dueAction({ status: 'queued', chunksDone: 0, chunks: 1 }, 1)).toBe('apply');
  });
  it('applies nothing to a finished job, nor past its last chunk', () => {
    expect(dueAction({ ...running, status: 'done' }, 3)).toBe('nothing');
    expect(dueAction({ ...running, status: 'failed' }, 3)).toBe('nothing');
    expect(dueAction({ status: 'running', chunksDone: 4, chunks: 4 }, 5)).toBe('nothing');
  });
});

describe('percentDone', () => {
  it('floors the rows done, 100 only when done', () => {
    expect(percentDone({ status: 'running', rows: 3000, rowsDone: 1000 })).toBe(33);
    expect(percentDone({ status: 'running', rows: 3000, rowsDone: 3000 })).toBe(99);
    expect(percentDone({ status: 'done', rows: 3000, rowsDone: 3000 })).toBe(100);
    expect(percentDone({ status: 'done', rows: 0, rowsDone: 0 })).toBe(100);
    expect(percentDone({ status: 'queued', rows: 0, rowsDone: 0 })).toBe(0);
    expect(percentDone({ status: 'failed', rows: 200, rowsDone: 1 })).toBe(0);
    expect(percentDone({ status: 'failed', rows: 200, rowsDone: 2 })).toBe(1);
  });
});

describe('chunkFile', () => {
  it("names each chunk's file under its job, in order", () => {
    expect(chunkFile('01JOB', 1)).toBe('import-jobs/01JOB/chunk-000001.json');
    expect(chunkFile('01JOB', 12)).toBe('import-jobs/01JOB/chunk-000012.json');
  });
});
