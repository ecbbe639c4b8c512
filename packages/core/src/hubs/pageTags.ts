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
 * The pages that would show the changed articles now: the articles whose "next article" they became
 * (`predecessorIds`, read fresh) and the pages of the cities within the nearby radius of the changed
 * articles' cities (`nearCityIds`).
 */
export function neighbourTagsOf(predecessorIds: readonly string[], nearCityIds: readonly string[]): string[] {
  return [...nearCityIds.map((cityId) => `city:${cityId}`), ...predecessorIds.map((id) => `page:${id}`)];
}
