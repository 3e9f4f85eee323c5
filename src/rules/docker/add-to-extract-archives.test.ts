import { ruleTester } from '../../../test/support/rules.js';
import { addToExtractArchives } from './add-to-extract-archives.js';

ruleTester(addToExtractArchives, {
  valid: [
    'FROM a:1\nCOPY app.tar.gz /tmp/\n',
    'FROM a:1\nCOPY --from=build /app.tar /app.tar\nRUN tar -xf /app.tar\n',
    'FROM a:1\nCOPY app.tar /tmp/\nFROM b:1\nRUN tar -xf /tmp/app.tar\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n',
      errors: [{ line: 2, message: 'Use ADD for extracting archives into an image' }],
    },
    {
      code: 'FROM a:1\nCOPY build/app.zip.gz /tmp/\nRUN gunzip /tmp/app.zip.gz\n',
      errors: [{ line: 2, message: 'Use ADD for extracting archives into an image' }],
    },
  ],
});
