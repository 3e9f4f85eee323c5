// Dockerfiles, parsed once with dockerfile-ast; rules read instructions from the model.
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';

export interface DockerfileModel {
  /** Repository-relative path. */
  file: string;
  text: string;
  ast: Dockerfile;
}

export function parseDockerfile(text: string, file: string): DockerfileModel {
  return { file, text, ast: DockerfileParser.parse(text) };
}
