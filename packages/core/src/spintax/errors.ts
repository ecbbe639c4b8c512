import type { SourcePosition } from './ast.js';

/** Raised by parseSpintax; `line`/`column` are 1-based so they can be shown to the author as-is. */
export class SpintaxSyntaxError extends Error {
  readonly code = 'SPINTAX_SYNTAX';
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  /** The message without the position suffix, for UIs that render the position separately. */
  readonly reason: string;

  constructor(reason: string, position: SourcePosition) {
    super(`${reason} (line ${position.line}, column ${position.column})`);
    this.name = 'SpintaxSyntaxError';
    this.reason = reason;
    this.offset = position.offset;
    this.line = position.line;
    this.column = position.column;
  }
}

/** Raised when rendering meets a variable with no binding, so `{Token}`s never leak into output. */
export class UnresolvedVariableError extends Error {
  readonly code = 'SPINTAX_UNRESOLVED_VARIABLE';
  readonly variable: string;
  readonly line: number;
  readonly column: number;

  constructor(variable: string, position: SourcePosition) {
    super(`No value bound for variable {${variable}} (line ${position.line}, column ${position.column})`);
    this.name = 'UnresolvedVariableError';
    this.variable = variable;
    this.line = position.line;
    this.column = position.column;
  }
}
