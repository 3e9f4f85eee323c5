import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../config/policy.js';
import type { Finding } from '../model.js';
import { scan } from '../scan.js';
import { matches } from './exception.js';
import { annotationExceptions } from './annotations.js';
import { parseManifests } from '../sources/manifests.js';

const privilegedPod = (name: string, ignore = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${ignore ? `  annotations:\n    kube-policy-gate.io/ignore: "${ignore}"\n    kube-policy-gate.io/ignore-reason: accepted\n` : ''}spec:
  containers:
    - name: app
      image: nginx:1.27.0
      securityContext:
        privileged: true
`;

const finding = (file: string): Finding => ({
  ruleId: 'KSV017',
  aliases: [],
  severity: 'high',
  title: 't',
  message: 'm',
  file,
  line: 1,
  source: 'manifest',
  resource: { apiVersion: 'v1', kind: 'Pod', name: 'web' },
  fingerprint: 'f',
});

describe('annotation exceptions', () => {
  it('match their own file literally, never as a glob', () => {
    for (const file of ['*/pod.yaml', '[ab]/pod.yaml', '{a,b}/pod.yaml', '**', 'a?.yaml']) {
      const { resources } = parseManifests(privilegedPod('web', '*'), { file });
      const [exception] = annotationExceptions(resources, true).exceptions;
      expect(matches(exception, finding(file))).toBe(true);
      for (const sibling of ['a/pod.yaml', 'b/pod.yaml', 'x/pod.yaml', 'ab.yaml', 'pod.yaml'])
        expect(matches(exception, finding(sibling)), `${file} vs ${sibling}`).toBe(false);
    }
  });

  let root: string | undefined;
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));

  it('in a directory named `*` suppress nothing beside it', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'kpg-annotation-star-'));
    mkdirSync(path.join(root, '*'));
    mkdirSync(path.join(root, 'prod'));
    writeFileSync(path.join(root, '*', 'pod.yaml'), privilegedPod('web', '*'));
    writeFileSync(path.join(root, 'prod', 'pod.yaml'), privilegedPod('web'));
    const policy = loadPolicy({ root, packs: ['default'] });
    const result = await scan({ root, paths: [], policy });
    const privileged = (file: string) =>
      result.findings.filter((f) => f.file === file && f.ruleId === 'KSV017');
    expect(privileged('prod/pod.yaml')).toHaveLength(1);
    expect(result.suppressed.some((f) => f.file === '*/pod.yaml' && f.ruleId === 'KSV017')).toBe(
      true,
    );
  });
});
