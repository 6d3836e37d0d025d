/**
 * Work split into stages, one task each, so a long job (mounting a million incidents) never holds the main
 * thread for long: between two stages the browser paints, and input and other tasks run.
 *
 * The work is a generator: each `yield` ends a stage. `runStages` runs the first stage at once and each
 * next one in a task of its own (`scheduler.yield()` where the browser has it, so the rest of the job is not
 * queued behind unrelated tasks; otherwise a MessageChannel message, which unlike `setTimeout` is never
 * clamped to 4 ms). With `sync`, every stage runs at once, as one plain function call would.
 */

/** A running job: `done` settles after its last stage; `cancel` skips the stages not yet run. */
export interface StagedRun {
  readonly done: Promise<void>;
  cancel(): void;
}

interface SchedulerWithYield {
  yield(): Promise<void>;
}

/** Resolves in a later task. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Calls `run` in the task after the next frame is painted (never, while the page is not being painted). */
export function afterNextFrame(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run, 0));
}

/**
 * Runs `job`'s stages (see the module comment). A stage that throws ends the job: `done` rejects with
 * the error (in `sync` mode the error is thrown at once, from this call).
 */
export function runStages(job: Generator<void, void, void>, sync: boolean): StagedRun {
  let cancelled = false;
  const cancel = () => {
    cancelled = true;
  };
  if (sync) {
    for (let step = job.next(); !step.done; step = job.next()) {
      // every stage at once
    }
    return { done: Promise.resolve(), cancel };
  }
  const run = async () => {
    for (let step = job.next(); !step.done; step = job.next()) {
      await nextTask();
      if (cancelled) {
        job.return();
        return;
      }
    }
  };
  return { done: run(), cancel };
}
