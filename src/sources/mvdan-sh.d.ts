// The part of mvdan-sh (GopherJS build of mvdan.cc/sh/v3/syntax) that src/sources/shell.ts uses.
// Nodes are Go structs seen from JavaScript: fields are properties named as in Go
// (https://pkg.go.dev/mvdan.cc/sh/v3/syntax), slices are arrays, nil pointers are null.
declare module 'mvdan-sh' {
  export interface ShPos {
    Line(): number;
    Col(): number;
    Offset(): number;
  }

  export interface ShNode {
    Pos(): ShPos;
    End(): ShPos;
  }

  export interface ShParser {
    /** Parses a whole script; throws a syntax error object (with `Error(): string`). */
    Parse(src: string, name: string): ShNode;
  }

  export interface ShSyntax {
    NewParser(...options: unknown[]): ShParser;
    /** Depth-first: `visit(node)`, then the children when it returns true, then `visit(null)`. */
    Walk(node: ShNode, visit: (node: ShNode | null) => boolean): void;
    /** The Go type name without package: `CallExpr`, `BinaryCmd`, `Lit`... */
    NodeType(node: ShNode): string;
  }

  const sh: { syntax: ShSyntax };
  export default sh;
}
