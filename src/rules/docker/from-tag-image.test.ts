import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { fromTagImage } from './from-tag-image.js';

describe('DL3006 from-tag-image', () => {
  it.each([
    'FROM debian:12\n',
    'FROM scratch\n',
    'FROM golang:1.23 AS build\nFROM build\n',
    'FROM ${BASE}\n',
    'FROM debian@sha256:abc\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(fromTagImage, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(fromTagImage, 'FROM debian:12\nFROM node AS web\n')).toEqual([2]);
  });
});
