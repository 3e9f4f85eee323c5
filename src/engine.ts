// The engine as the entry points run it: scan() for the CLI and the Action, with V8's young
// generation held at the size it starts with.
// While a large scan parses, V8 grows a thread's young generation up to 2 x 64 MB: a 10,000-workload
// scan then peaks at ~250 MB instead of ~190. Neither the Action runner nor an npm `bin` can pass
// --max-semi-space-size, but V8 reads its semi-space growth factor each time it would grow the
// young generation, so a factor of 1 set at run time keeps it small. (A worker thread with a
// 16 MB young generation did the same, at the price of a second isolate and compile of the
// bundle, ~35 MB, and of every finding cloned back to the main thread, ~50 MB more at the peak.)
import { setFlagsFromString } from 'node:v8';
import { scan, type ScanOptions, type ScanResult } from './scan.js';

/** The scan, in this thread, with the young generation no larger than it is now. */
export function scanInBoundedMemory(options: ScanOptions): Promise<ScanResult> {
  // Process-wide, and only entry points call this: they own the process.
  setFlagsFromString('--semi-space-growth-factor=1');
  return scan(options);
}
