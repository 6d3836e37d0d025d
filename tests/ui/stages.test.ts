import { describe, expect, it } from 'vitest';
import { afterNextFrame, backgroundTask, nextTask, runStages } from '../../src/ui/stages';

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

describe('backgroundTask and afterNextFrame', () => {
  type PostTask = (task: () => void, options: { priority: string }) => Promise<void>;
  const withScheduler = async (scheduler: object | undefined, body: () => Promise<void>) => {
    const had = Object.getOwnPropertyDescriptor(globalThis, 'scheduler');
    Object.defineProperty(globalThis, 'scheduler', { value: scheduler, configurable: true, writable: true });
    try {
      await body();
    } finally {
      if (had) Object.defineProperty(globalThis, 'scheduler', had);
      else delete (globalThis as { scheduler?: unknown }).scheduler;
    }
  };

  it('asks the browser for a task of background priority where it has scheduler.postTask', async () => {
    const asked: string[] = [];
    const postTask: PostTask = (task, { priority }) => {
      asked.push(priority);
      return new Promise((resolve) => setTimeout(() => resolve(task()), 0));
    };
    await withScheduler({ postTask }, async () => {
      const log: string[] = [];
      await runStages(job(log), false, backgroundTask).done;
      expect(log).toEqual(['one', 'two', 'three']);
      expect(asked).toEqual(['background', 'background']); // one wait between each two stages
    });
  });

  it('falls back to a task of its own without a scheduler', async () => {
    await withScheduler(undefined, async () => {
      let resolved = false;
      const waiting = backgroundTask().then(() => {
        resolved = true;
      });
      await Promise.resolve();
      expect(resolved).toBe(false); // not a microtask
      await waiting;
      expect(resolved).toBe(true);
    });
  });

  it('runs after the next animation frame, in the task the given wait resolves in', async () => {
    const frames: (() => void)[] = [];
    const had = globalThis.requestAnimationFrame;
    globalThis.requestAnimationFrame = (callback) => frames.push(() => callback(0));
    try {
      const log: string[] = [];
      let release: () => void = () => {};
      afterNextFrame(
        () => log.push('ran'),
        () => new Promise<void>((resolve) => (release = resolve)),
      );
      expect(frames).toHaveLength(1);
      await nextTask();
      expect(log).toEqual([]); // no frame yet
      frames[0]?.();
      await nextTask();
      expect(log).toEqual([]); // the frame, but the wait has not resolved
      release();
      await nextTask();
      expect(log).toEqual(['ran']);
    } finally {
      globalThis.requestAnimationFrame = had;
    }
  });
});
