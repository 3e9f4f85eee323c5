// Child process of the bench (issue 18): the manifest loader against js-yaml's bare loadAll on
// the same texts, bundled as dist/ is (not through tsx, whose wrappers would slow our side only),
// in a process of its own (no other figure's heap for the collector to walk). Rounds alternate
// which side goes first; each round's ratio is taken from two timings next to each other, so
// that a busy machine slows both alike.
// Usage: node LOAD-SPEED-BUNDLE ROOT ROUNDS  (every .yaml file under ROOT)
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import { ManifestStrings, parseManifests } from '../src/sources/manifests.js';

const [root, roundsText] = process.argv.slice(2);
const files: Array<{ file: string; text: string }> = [];
for (const entry of await readdir(root, { recursive: true })) {
  if (!entry.endsWith('.yaml')) continue;
  files.push({ file: entry, text: await readFile(path.join(root, entry), 'utf8') });
}
files.sort((a, b) => a.file.localeCompare(b.file));

const ours = () => {
  const strings = new ManifestStrings();
  let count = 0;
  for (const { file, text } of files)
    count += parseManifests(text, { file, strings }).resources.length;
  return count;
};
const jsYaml = () => {
  let count = 0;
  for (const { text } of files) count += loadAll(text).length;
  return count;
};
const timed = (work: () => number) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

ours();
jsYaml();
const oursMs: number[] = [];
const jsYamlMs: number[] = [];
for (let round = 0; round < Number(roundsText); round++) {
  if (round % 2 === 0) {
    oursMs.push(timed(ours));
    jsYamlMs.push(timed(jsYaml));
  } else {
    jsYamlMs.push(timed(jsYaml));
    oursMs.push(timed(ours));
  }
}
const bytes = files.reduce((sum, { text }) => sum + text.length, 0);
process.stdout.write(JSON.stringify({ files: files.length, bytes, oursMs, jsYamlMs }));
