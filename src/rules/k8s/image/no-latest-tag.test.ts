import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noLatestTag } from './no-latest-tag.js';

const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: ${image}
`;

describe('KSV013 no-latest-tag', () => {
  it.each(['nginx:1.27', 'localhost:5000/app:2', `nginx@sha256:${'c'.repeat(64)}`])(
    'passes %s',
    (image) => {
      expect(runK8sRule(noLatestTag, pod(image))).toEqual([]);
    },
  );

  it.each(['nginx', 'nginx:latest', 'localhost:5000/app'])(
    'flags %s on the image line',
    (image) => {
      expect(runK8sRule(noLatestTag, pod(image))).toMatchObject([{ container: 'app' }]);
      expect(violationLines(noLatestTag, pod(image))).toEqual([8]);
    },
  );

  it('says the tag is what it is about (a Helm finding goes to the tag: values line)', () => {
    expect(runK8sRule(noLatestTag, pod('quay.io/acme/app:latest'))[0].part).toEqual({
      start: 17,
      end: 23,
    });
  });
});
