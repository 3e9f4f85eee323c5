// The Helm source map: from a position in rendered output to the line a human changes.
//   1. the values file line of the key that supplied the offending value, when one did;
//   2. else the template line that wrote it, inside the helper an `include` called (for a
//      missing field: the line that starts the container entry or pod spec the rule points at);
//   3. else the template's first line.
// Without a second render, in three parts:
//   template-files.ts  reads and parses each template and helper file once (template-model.ts
//                      says what each line is and which values paths and helpers it reads);
//   alignment.ts       which template line wrote each rendered line (each document aligned with
//                      its own `---`-separated range of the template);
//   resolver.ts        from that line, or from the action lines around an unaligned one, to the
//                      values key that holds the value, following `include`d helpers.
// It is computed lazily, only for documents a finding is on, and shared by values sets that
// render a document identically.
//
// A worked example (test/fixtures/source-map/worked-example, checked by a golden test).
// templates/web.yaml:
//    1  apiVersion: apps/v1
//    2  kind: Deployment
//    3  metadata:
//    4    name: {{ .Release.Name }}-web
//    5  spec:
//    6    template:
//    7      spec:
//    8        containers:
//    9          - name: web
//   10            image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
//   11            securityContext:
//   12              {{- toYaml .Values.securityContext | nindent 12 }}
// values.yaml:
//    1  image:
//    2    repository: quay.io/acme/web
//    3    tag: latest
//    4  securityContext:
//    5    privileged: true
// The rendered document (release `demo`) and the anchors the alignment finds:
//    1  apiVersion: apps/v1                       -> 1   literal line
//    2  kind: Deployment                          -> 2
//    3  metadata:                                 -> 3
//    4    name: demo-web                          -> 4   pattern `name: ` ... `-web`
//    5  spec:                                     -> 5
//    6    template:                               -> 6
//    7      spec:                                 -> 7
//    8        containers:                         -> 8
//    9          - name: web                       -> 9
//   10            image: "quay.io/acme/web:latest" -> 10 pattern `image: "` ... `:` ... `"`
//   11            securityContext:                -> 11
//   12              privileged: true              -> none: an action wrote it
// Where the findings go:
//   KSV0125 untrusted registry: rendered 10, about characters [0, 7) of the image (`quay.io`).
//     Line 10 reads image.repository and image.tag; repository holds those characters:
//     values.yaml:2.
//   KSV013 latest tag: rendered 10, characters [17, 23): image.tag holds them: values.yaml:3.
//   KSV017 privileged: rendered 12 is unaligned; between its aligned neighbours (11 and the
//     end) line 12 emits `toYaml .Values.securityContext`, and securityContext.privileged, at
//     the field's path below it, holds `true`: values.yaml:5.
//   KSV001 allowPrivilegeEscalation missing: the container entry, rendered 9, a literal
//     line: web.yaml:9.
import type { KubeObject, Location, Path, ResourceOrigin, ValuePart } from '../resource.js';
import type { DocumentAlignment } from './alignment.js';
import { Resolver, type RenderScope } from './resolver.js';

export { align, DocumentAlignment, segments } from './alignment.js';
export { valuesCache, type RenderScope } from './resolver.js';
export { TemplateFiles } from './template-files.js';

/**
 * Wraps the origin `parseManifests` gave a rendered document (positions in the rendered text) so
 * that `locate` answers with the values or template line, keeping the rendered one.
 */
export function helmOrigin(
  scope: RenderScope,
  alignment: DocumentAlignment,
  rendered: ResourceOrigin,
  object: KubeObject,
): ResourceOrigin {
  let resolver: Resolver | undefined;
  const { file } = alignment.template;
  return {
    file,
    source: 'helm-template',
    chart: scope.chart.dir,
    valuesSet: scope.valuesSet,
    locate(path: Path, part?: ValuePart): Location {
      const span = rendered.locate(path);
      resolver ??= new Resolver(scope, alignment);
      const target = resolver.target(span.line - 1, object, path, part);
      return {
        file: target.file,
        line: target.line,
        source: target.source,
        rendered: { file, line: span.line },
      };
    },
    locateKey(path: Path): Location {
      const span = rendered.locate(path);
      resolver ??= new Resolver(scope, alignment);
      const target = resolver.target(span.line - 1, object, path, undefined, 'key');
      return {
        file: target.file,
        line: target.line,
        source: target.source,
        rendered: { file, line: span.line },
      };
    },
  };
}
