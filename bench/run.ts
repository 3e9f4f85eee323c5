// `npm run bench`: measures the figures of issue 8, prints a table and writes bench/results.json.
// The engine embeds its builtin packs with `?raw` imports, so the hooks load before the engine.
import './raw-text.js';

const { main } = await import('./measure.js');
await main();
