// Errors raised by the Kubernetes libraries: plain runtime errors with the library's message, which the
// evaluator wraps with the position of the failing call.
export class CelLibraryError extends Error {}

export function celError(message: string): CelLibraryError {
  return new CelLibraryError(message);
}
