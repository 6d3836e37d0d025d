/**
 * Work split into stages, one task each, so a long job (mounting a million incidents) never holds the main
 * thread for long: between two stages the browser paints, and input and other tasks run.
 *
 * The work is a generator: each `yield` ends a stage. `runStages` runs the first stage at once and each
 * next one in a task of its own (`scheduler.yield()` where the browser has it, so the rest of the job is not
 * queued behind unrelated tasks; otherwise a MessageChannel message, which unlike `setTimeout` is never
 * clamped to 4 ms), or in the tasks a given `wait` gives (`backgroundTask`: behind everything else). With
 * `sync`, every stage runs at once, as one plain function call would.
 */

/** A running job: `done` settles after its last stage; `cancel` skips the stages not yet run. */
export interface StagedRun {
  readonly done: Promise<void>;
  cancel(): void;
}

interface Scheduler {
  yield(): Promise<void>;
  postTask(
    task: () => void,
    options: { priority: 'user-blocking' | 'user-visible' | 'background' },
  ): Promise<void>;
}

function scheduler(): Partial<Scheduler> | undefined {
  return (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
}

/** Resolves in a task of its own from a MessageChannel message (never clamped to 4 ms like `setTimeout`). */
function messageTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves in a later task, ahead of unrelated tasks where the browser has `scheduler.yield`. */
export function nextTask(): Promise<void> {
  const s = scheduler();
  return typeof s?.yield === 'function' ? s.yield() : messageTask();
}

/**
 * Resolves in a later task of background priority where the browser has `scheduler.postTask`: behind
 * input, rendering and every other task, for work nobody waits on (what follows a change already shown).
 */
export function backgroundTask(): Promise<void> {
  const s = scheduler();
  return typeof s?.postTask === 'function' ? s.postTask(() => {}, { priority: 'background' }) : messageTask();
}

/**
 * Calls `run` in a task after the next frame is painted (never, while the page is not being painted): the
 * first task `wait` gives after that frame's animation callbacks.
 */
export function afterNextFrame(run: () => void, wait: () => Promise<void>): void {
  requestAnimationFrame(() => void wait().then(run));
}

/**
 * Runs `job`'s stages (see the module comment). A stage that throws ends the job: `done` rejects with
 * the error (in `sync` mode the error is thrown at once, from this call).
 */
export function runStages(
  job: Generator<void, void, void>,
  sync: boolean,
  wait: () => Promise<void> = nextTask,
): StagedRun {
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
      await wait();
      if (cancelled) {
        job.return();
        return;
      }
    }
  };
  return { done: run(), cancel };
}
