export type {
  ChoiceNode,
  DictionaryNode,
  Sequence,
  SourcePosition,
  SpintaxDictionaries,
  SpintaxNode,
  SpintaxTemplate,
  TextNode,
  VariableBindings,
  VariableNode,
} from './ast.js';
export { countVariants } from './count.js';
export { SpintaxSyntaxError, UnresolvedVariableError } from './errors.js';
export {
  bindDictionaries,
  MAX_SPINTAX_DEPTH,
  type ParseSpintaxOptions,
  parseSpintax,
  type SpintaxLexeme,
  scanSpintax,
} from './parse.js';
export { expandSpintax, type SampledVariant, sampleVariantIndices, sampleVariants } from './sample.js';
export { findUnresolvedTokens, renderVariables, type UnresolvedToken } from './tokens.js';
export { type UnrankOptions, unrankVariant } from './unrank.js';
export { listVariables, STANDARD_VARIABLES, type TemplateIssue, validateTemplate } from './validate.js';
