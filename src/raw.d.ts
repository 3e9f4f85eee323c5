// Files imported as text (`import text from './x.yaml?raw'`): vite/vitest handle the suffix
// natively, the esbuild build through a small plugin in scripts/build.ts.
declare module '*?raw' {
  const text: string;
  export default text;
}

// The light build of Bottleneck, the one @octokit/plugin-throttling bundles, typed as the full one.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
