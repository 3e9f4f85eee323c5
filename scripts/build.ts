// Bundles the Action (src/index.ts -> dist/index.js) and the CLI (src/cli.ts -> dist/cli-main.cjs,
// started by dist/cli.js), each self-contained. Deterministic: the same sources give byte-identical files.
import { bundle, bundleCli } from './bundle.js';

await bundle('src/index.ts', 'dist/index.js');
await bundleCli('dist/cli.js');
