import type { AreaArticle } from './areaHubs.js';

/**
 * Cache tags of a rendered article page, shared by the frontend (which tags what it renders) and every writer
 * (which deletes stored pages by tag), so both sides always compute the same names:
 * - `page:<id>` the article itself,
 * - `shows:<id>` each article it links to (the next article in the area ring and the nearby areas' articles),
 * - `city:<id>` its city, whose neighbourhood decides which newly published articles it would list.
 */
export function articlePageTagsOf(
  articleId: string,
  cityId: string | null,
  shownArticleIds: readonly string[],
): string[] {
  const tags = [`page:${articleId}`, ...shownArticleIds.map((id) => `shows:${id}`)];
  if (cityId) tags.push(`city:${cityId}`);
  return tags;
}

/** The pages that show the changed articles as they were: known from the tags alone. */
export function tagsTouchedBy(articleIds: readonly string[]): string[] {
  return articleIds.flatMap((id) => [`page:${id}`, `shows:${id}`]);
}

/**
 * The pages that would show the changed articles now: the article before each in the "next article" ring
 * (`successors` read from the fresh published list) and the pages of the cities within the nearby radius
 * of the changed articles' cities (`nearCityIds`).
 */
export function neighbourTagsOf(
  articleIds: readonly string[],
  successors: ReadonlyMap<string, Pick<AreaArticle, 'id'>>,
  nearCityIds: readonly string[],
): string[] {
  const changed = new Set(articleIds);
  const tags = nearCityIds.map((cityId) => `city:${cityId}`);
  for (const [articleId, next] of successors) if (changed.has(next.id)) tags.push(`page:${articleId}`);
  return tags;
}
