import { describe, expect, it } from 'vitest';
import { nextTask, runStages } from '../../src/ui/stages';

/** A job of three stages that logs each. */
function* job(log: string[]): Generator<void, void, void> {
  log.push('one');
  yield;
  log.push('two');
  yield;
  log.push('three');
}

describe('runStages', () => {
  it('runs every stage at once when sync', async () => {
    const log: string[] = [];
    const run = runStages(job(log), true);
    expect(log).toEqual(['one', 'two', 'three']);
    await run.done;
  });

  it('runs the first stage at once and each next one in a later task', async () => {
    const log: string[] = [];
    const run = runStages(job(log), false);
    expect(log).toEqual(['one']);
    await Promise.resolve(); // microtasks alone do not reach the next stage
    expect(log).toEqual(['one']);
    await nextTask();
    expect(log).toEqual(['one', 'two']);
    await run.done;
    expect(log).toEqual(['one', 'two', 'three']);
  });

  it('skips the stages left when cancelled, and still settles', async () => {
    const log: string[] = [];
    let cleaned = false;
    function* withCleanup(): Generator<void, void, void> {
      try {
        yield* job(log);
      } finally {
        cleaned = true;
      }
    }
    const run = runStages(withCleanup(), false);
    run.cancel();
    await run.done;
    expect(log).toEqual(['one']);
    expect(cleaned).toBe(true);
  });

  it('rejects with the error of a stage that throws, and runs no stage after it', async () => {
    const log: string[] = [];
    function* failing(): Generator<void, void, void> {
      log.push('one');
      yield;
      throw new Error('stage two broke');
    }
    const run = runStages(failing(), false);
    await expect(run.done).rejects.toThrow('stage two broke');
    expect(log).toEqual(['one']);
    expect(() => runStages(failing(), true)).toThrow('stage two broke');
  });
});
