import { ruleTester } from '../../../test/support/rules.js';
import { fromTagImage } from './from-tag-image.js';

ruleTester(fromTagImage, {
  valid: [
    'FROM debian:12\n',
    'FROM scratch\n',
    'FROM golang:1.23 AS build\nFROM build\n',
    'FROM ${BASE}\n',
    'FROM debian@sha256:abc\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nFROM node AS web\n',
      errors: [{ line: 2, message: 'Always tag the version of an image explicitly: node' }],
    },
  ],
});
