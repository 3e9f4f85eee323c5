// `import text from './file.yaml?raw'` under plain tsx, as vite/vitest and the esbuild bundle
// understand it (src/config/packs.ts embeds the builtin packs that way). Import this module
// first, then load the engine with a dynamic import().
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

const RAW = '?raw';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (!specifier.endsWith(RAW)) return nextResolve(specifier, context);
    const url = new URL(specifier.slice(0, -RAW.length), context.parentURL).href;
    return { url: `${url}${RAW}`, shortCircuit: true };
  },
  load(url, context, nextLoad) {
    if (!url.endsWith(RAW)) return nextLoad(url, context);
    const text = readFileSync(fileURLToPath(url.slice(0, -RAW.length)), 'utf8');
    return {
      format: 'module',
      source: `export default ${JSON.stringify(text)};`,
      shortCircuit: true,
    };
  },
});
