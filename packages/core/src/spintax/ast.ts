/** 1-based line and column (UTF-16 code units, as editors count) plus the 0-based offset. */
export interface SourcePosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export interface TextNode {
  readonly kind: 'text';
  readonly value: string;
}

/** `{City}` or `{{CITY}}`: filled from bindings at render time; counts as one variant. */
export interface VariableNode {
  readonly kind: 'variable';
  /** Lower-cased name used for lookups; variable names are case-insensitive. */
  readonly name: string;
  /** The name as written, used when an unresolved variable must be shown back to a user. */
  readonly raw: string;
  readonly position: SourcePosition;
}

/** A variable that named a dictionary category: one of `terms` (taken literally), in order. */
export interface DictionaryNode {
  readonly kind: 'dictionary';
  readonly name: string;
  readonly terms: readonly string[];
  readonly position: SourcePosition;
}

/** `{a|b|c}`: exactly one option is chosen; options may be empty sequences. */
export interface ChoiceNode {
  readonly kind: 'choice';
  readonly options: readonly Sequence[];
  readonly position: SourcePosition;
}

export type SpintaxNode = TextNode | VariableNode | DictionaryNode | ChoiceNode;

/** Parts concatenated in order. */
export type Sequence = readonly SpintaxNode[];

/** A parsed template; immutable, so it can be parsed once and reused for every variant. */
export interface SpintaxTemplate {
  readonly source: string;
  readonly root: Sequence;
}

/** Dictionary category name → terms. Names are matched case-insensitively. */
export type SpintaxDictionaries = Readonly<Record<string, readonly string[]>>;

/** Variable name → value. Names are matched case-insensitively. */
export type VariableBindings = Readonly<Record<string, string | number | null | undefined>>;
