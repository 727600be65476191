// How a worker thread loads a module of ours: the compiled one when the caller runs from dist/,
// else the TypeScript one, through tsx when the thread does not have it already (tests and benches
// start node with --import tsx; `serve` from the sources registers tsx in the main thread only, and
// registered hooks do not reach threads on Node 20).

/** Plain JavaScript evaluated in the thread (new Worker(THREAD_BOOT, { eval: true, workerData })). */
export const THREAD_BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  try {
    await import(workerData.entry);
  } catch (e) {
    if (e && e.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
    (await import(workerData.tsx)).register();
    // (a URL whose load failed stays failed for this thread: ask for it under another)
    await import(workerData.entry + '?tsx');
  }
})();
`;

/** The workerData THREAD_BOOT needs to load `name` (without extension) beside the module at `base`. */
export function threadEntry(base: string, name: string): { entry: string; tsx: string } {
  return {
    entry: new URL(`./${name}${base.endsWith('.js') ? '.js' : '.ts'}`, base).href,
    tsx: import.meta.resolve('tsx/esm/api'),
  };
}
