// 5. Memory of the corpus with its claims. Taken in the fresh child processes of section 2 (one per size),
// so nothing else the benchmark holds is counted: see buildChild.ts.
import type { Bench } from '../context.js';
import type { Memory } from '../measure.js';
import { fmt } from '../report.js';
import type { ClaimsBuildFigures } from './claimsBuild.js';

const TARGET_MIB = 400;

const mib = (x: number) => `${fmt(x, 0)} MiB`;

export function peakMemory(bench: Bench, { builds }: ClaimsBuildFigures): Record<string, unknown> {
  const { report } = bench;
  const largest = builds[builds.length - 1];
  const n = fmt(largest.count, 0);
  report.section(`5. Memory at ${n} documents`);
  report.line(`Measured in the fresh process that built the ${n}-document corpus in section 2 (it holds the corpus alone; the generated`);
  report.line(`corpus stays in this process). Each text is read, and its analysis deserialised from a file, just before it is set, as the`);
  report.line(`extension host reads sources and takes analyses from worker threads and the disk cache. heapUsed and RSS after a full GC at each stage;`);
  report.line(`peak RSS is the process's maxRSS so far.`);
  report.line();
  const m = largest.memory;
  const row = (moment: string, x: Memory) => [moment, mib(x.heapUsedMiB), mib(x.rssMiB), mib(x.peakRssMiB)];
  report.table(
    ['stage', 'heapUsed', 'RSS', 'peak RSS'],
    [
      row('started, modules loaded', m.atStart),
      row('every document set, no claims yet', m.documentsSet),
      row('claims built', m.claimsBuilt),
    ],
  );
  report.line();
  report.line('By corpus size, claims built:');
  report.line();
  report.table(
    ['documents', 'heapUsed', 'RSS', 'peak RSS', 'heap per document'],
    builds.map((b) => [fmt(b.count, 0), mib(b.memory.claimsBuilt.heapUsedMiB), mib(b.memory.claimsBuilt.rssMiB), mib(b.memory.claimsBuilt.peakRssMiB), `${fmt(((b.memory.claimsBuilt.heapUsedMiB - b.memory.atStart.heapUsedMiB) * 1024) / b.count, 0)} KiB`]),
  );
  report.line();
  report.line(`Target: < ${TARGET_MIB} MiB (RSS after GC and peak RSS).`);
  report.check(`heapUsed after GC, ${n} docs`, m.claimsBuilt.heapUsedMiB, 'MiB', null);
  report.check(`RSS after GC, ${n} docs`, m.claimsBuilt.rssMiB, 'MiB', { op: '<', value: TARGET_MIB });
  report.check(`peak RSS, ${n} docs`, m.claimsBuilt.peakRssMiB, 'MiB', { op: '<', value: TARGET_MIB });
  return { documents: largest.count, ...m, bySize: builds.map((b) => ({ documents: b.count, ...b.memory.claimsBuilt })) };
}
