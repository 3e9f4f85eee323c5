// Child process of the bench: one full scan of the repository given as argument with the
// default pack, as the CLI and the Action run it (src/engine.ts), then the process's own peak
// resident memory (process.resourceUsage().maxRSS) as JSON.
// It runs bundled by esbuild as scripts/build.ts bundles dist/cli.js and dist/index.js (see
// bundlePeakRss in bench/measure.ts), not through tsx: tsx's loader thread and the name-keeping
// wrappers it adds to every function cost some 15-20 MB that no user's run has.
// Usage: node PEAK-RSS-BUNDLE ROOT
import { loadPolicy } from '../src/config/policy.js';
import { scanInBoundedMemory } from '../src/engine.js';

const root = process.argv[2];
const policy = loadPolicy({ root, packs: ['default'] });
const start = performance.now();
const result = await scanInBoundedMemory({ root, paths: [], policy });
const ms = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    ms: Math.round(ms),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    findings: result.findings.length,
    errors: result.errors.length,
  }),
);
