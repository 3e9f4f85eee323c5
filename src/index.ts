// The Action's entry point (bundled as dist/index.js): everything is in main.ts.
import { run } from './main.js';

await run();
