/**
 * Prettier, for many pieces of TypeScript. Formatting is most of a large import's time (4 MB of TypeScript
 * took 7 s of a 20 s import in one thread), and the pieces are independent, so a large import formats them
 * in worker threads, one per core, started before the first piece is ready (loading prettier in each then
 * overlaps with reading and checking) and fed each piece as soon as it is printed. A small import formats
 * in this thread, where loading prettier once is cheaper than starting workers. Every piece gets the same
 * options either way, so the output does not depend on the machine.
 */
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { Worker } from "node:worker_threads";
import type { Options } from "prettier";

/** Below this much input, workers (each loads prettier, about 0.15 s) cost more than they save. */
export const WORKERS_FROM_BYTES = 300_000;

// The worker: load prettier once, then format what it is sent. Plain JS, evaluated as a script, so that it
// needs no file of its own next to the bundled CLI.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const loaded = import(workerData.prettier).then((m) => (typeof m.format === "function" ? m : m.default));
parentPort.on("message", async ({ id, text, options }) => {
  try {
    const prettier = await loaded;
    parentPort.postMessage({ id, text: await prettier.format(text, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});
`;

interface Pending {
  resolve(text: string): void;
  reject(error: Error): void;
}

/** Formats pieces with prettier, in this thread or in workers; `close()` when done. */
export class Formatter {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private readonly load: Array<number> = [];
  private next = 0;
  private options: Options = { parser: "typescript" };

  private constructor(workers: Worker[]) {
    this.workers = workers;
    workers.forEach((worker, index) => {
      this.load.push(0);
      worker.on("message", (message: { id: number; text?: string; error?: string }) => {
        const job = this.pending.get(message.id);
        this.pending.delete(message.id);
        this.load[index]!--;
        if (message.error !== undefined) job?.reject(new Error(`prettier failed on the generated TypeScript: ${message.error}`));
        else job?.resolve(message.text!);
      });
      worker.on("error", (error) => {
        for (const job of this.pending.values()) job.reject(error);
        this.pending.clear();
      });
    });
  }

  /** A formatter for about `bytes` of input: with workers from `workersFrom` on (and several cores). */
  static async create(bytes: number, workersFrom = WORKERS_FROM_BYTES): Promise<Formatter> {
    const threads = availableParallelism();
    if (bytes < workersFrom || threads < 2) return new Formatter([]);
    const { Worker } = await import("node:worker_threads");
    const prettier = pathToFileURL(createRequire(import.meta.url).resolve("prettier")).href;
    return new Formatter(Array.from({ length: threads }, () => new Worker(WORKER, { eval: true, workerData: { prettier } })));
  }

  /** The options every piece is formatted with (the project's prettier configuration, and the parser). */
  setOptions(options: Options): void {
    this.options = options;
  }

  /** `text`, formatted: by the least busy worker, or here when there are none. */
  async format(text: string): Promise<string> {
    if (this.workers.length === 0) {
      const prettier = await import("prettier");
      return prettier.format(text, this.options);
    }
    const id = this.next++;
    const index = this.load.indexOf(Math.min(...this.load));
    this.load[index]!++;
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[index]!.postMessage({ id, text, options: this.options });
    });
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
