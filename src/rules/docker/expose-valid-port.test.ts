import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { exposeValidPort } from './expose-valid-port.js';

describe('DL3011 expose-valid-port', () => {
  it.each(['EXPOSE 8080/tcp 9000-9010\n', 'EXPOSE ${PORT}\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(exposeValidPort, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(exposeValidPort, 'FROM debian:12\nEXPOSE 80 70000/udp\n')).toEqual([2]);
  });
});
