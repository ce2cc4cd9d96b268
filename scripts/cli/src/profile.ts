import type { DataSource } from './data/loadRequest';

/**
 * `PSMS_PROFILE=1`: one stderr line per phase of a report (start-up, settings, each load, the
 * engine, the output) with its wall time and the heap after it, so a slow run says where its
 * time went without a profiler. Off by default (noProfiler adds nothing to a run).
 */

export interface Profiler {
  time<T>(label: string, work: () => Promise<T>): Promise<T>;
  /** The data source with each load timed (the loads are reported within the report's span). */
  source(source: DataSource): DataSource;
}

export const noProfiler: Profiler = { time: (_label, work) => work(), source: (source) => source };

export function stderrProfiler(stderr: { write(text: string): unknown }): Profiler {
  const line = (label: string, ms: number) => {
    const heap = process.memoryUsage();
    stderr.write(
      `psms profile: ${label.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms  heap ${(heap.heapUsed / 2 ** 20).toFixed(0)} MiB  rss ${(heap.rss / 2 ** 20).toFixed(0)} MiB\n`
    );
  };
  // performance.now() counts from the process start: what ran before the first span is start-up.
  line('start-up (to the command)', performance.now());
  const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      line(label, performance.now() - started);
    }
  };
  return {
    time,
    source: (source) => ({
      ...source,
      each: (request, onRecord) => time(`  load ${request.object}`, () => source.each(request, onRecord))
    })
  };
}
