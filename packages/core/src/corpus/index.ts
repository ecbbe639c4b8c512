export {
  type CorpusArticleText,
  type CorpusFigures,
  measureCorpus,
  NEAR_DUPLICATE_JACCARD,
} from './measureCorpus.js';
export {
  crawlClickDepths,
  type FetchPage,
  type LinkGraphFigures,
  maxClickDepth,
  measureLinkGraph,
  sameSitePaths,
} from './siteGraph.js';
