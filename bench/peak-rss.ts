// Child process of the bench: one full scan() of the repository given as argument with the
// default pack, then its own peak resident memory (process.resourceUsage().maxRSS) as JSON.
// Usage: node --import tsx bench/peak-rss.ts ROOT
import './raw-text.js';

const { loadPolicy } = await import('../src/config/policy.js');
const { scan } = await import('../src/scan.js');

const root = process.argv[2];
const policy = loadPolicy({ root, packs: ['default'] });
const start = performance.now();
const result = await scan({ root, paths: [], policy });
const ms = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    ms: Math.round(ms),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    findings: result.findings.length,
    errors: result.errors.length,
  }),
);
