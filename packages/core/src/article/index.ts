export {
  type AssembleArticleInput,
  type AssembleArticleResult,
  type AssembledArticle,
  assembleArticle,
  OFFER_SLOT,
} from './assembleArticle.js';
export { type ArticleBindingsInput, type ArticleLocation, buildArticleBindings } from './bindings.js';
export {
  audienceNoun,
  type BusinessFacts,
  formatPhone,
  formatPopulation,
  joinEnglishList,
  PLACE_FACT_VARIABLES,
  pluralise,
} from './facts.js';
export {
  type ContentFragment,
  type FragmentParseError,
  type FragmentSelection,
  type OfferBlock,
  type OfferFields,
  offerBlockSource,
  prepareFragments,
  type RawFragment,
  selectFragments,
  selectOfferBlock,
} from './fragments.js';
export { polishProse, startsWithVowelSound } from './grammar.js';
export {
  type ArticleSchema,
  type ArticleSchemaInput,
  type BreadcrumbEntry,
  buildArticleSchema,
  isArticleSchema,
  type JsonObject,
  markArticlePublished,
} from './jsonLd.js';
export {
  describeMissingLocationTokens,
  LOCATION_VARIABLES,
  type LocationMode,
  type LocationTokenContext,
  type MissingLocationToken,
  missingLocationTokens,
} from './locationTokens.js';
export {
  buildExcerpt,
  buildMetaDescription,
  buildMetaTitle,
  EXCERPT_MAX,
  META_DESCRIPTION_MAX,
  META_TITLE_MAX,
  truncateAtWord,
} from './meta.js';
export {
  checkArticleQuality,
  type QualityFailure,
  type QualityFailureCode,
  type QualityFlag,
  type QualityInput,
  type QualityVerdict,
} from './qualityGates.js';
export {
  describeReachShortfall,
  estimateReachableWords,
  type ReachEstimate,
  type ReachInput,
} from './reach.js';
export { DEFAULT_SLUG_MAX_LENGTH, slugify, uniqueSlug } from './slug.js';
