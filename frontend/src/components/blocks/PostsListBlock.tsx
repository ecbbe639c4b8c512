import type { PostCardData } from './block-data.js';
import { gridColumnClasses } from './grid-columns.js';
import type { BlockProps } from './types.js';
import { Section } from './ui.js';

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * A post's card. Its title is an h3 under a section's h2, or an h2 where the cards sit straight under the
 * page's h1 (the blog listing), so headings never skip a level.
 */
export function PostCard({ post, headingLevel = 3 }: { post: PostCardData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="group relative flex flex-col overflow-hidden rounded-2xl bg-surface shadow-sm ring-1 ring-ink/10 transition hover:-translate-y-0.5 hover:shadow-md">
      {post.coverImageUrl ? (
        <img src={post.coverImageUrl} alt="" loading="lazy" className="aspect-[16/9] w-full object-cover" />
      ) : (
        <div className="h-2 bg-gradient-to-r from-primary to-accent" aria-hidden="true" />
      )}
      <div className="flex flex-1 flex-col p-6">
        <div className="flex flex-wrap items-center gap-2 text-xs font-medium text-ink/60">
          <time dateTime={post.publishedAt}>{dateFormat.format(new Date(post.publishedAt))}</time>
          {post.tags[0] ? (
            <span className="rounded-full bg-primary/10 px-2 py-0.5 text-primary">{post.tags[0]}</span>
          ) : null}
        </div>
        <Heading className="mt-3 font-display text-xl font-semibold leading-snug">
          <a href={`/blog/${post.slug}`} className="after:absolute after:inset-0 group-hover:text-primary">
            {post.title}
          </a>
        </Heading>
        {post.excerpt ? <p className="mt-3 flex-1 leading-7 text-ink/70">{post.excerpt}</p> : null}
        {post.authorName ? <p className="mt-5 text-sm font-medium text-ink/70">{post.authorName}</p> : null}
      </div>
    </article>
  );
}

export function PostsListBlock({ block, data }: BlockProps<'posts_list'>) {
  const tag = block.tag?.toLowerCase();
  const posts = data.posts
    .filter((post) => !tag || post.tags.some((t) => t.toLowerCase() === tag))
    .slice(0, block.limit);
  if (posts.length === 0) return null;
  return (
    <Section anchor={block.anchor} heading={block.heading}>
      <div className={`grid gap-6 ${gridColumnClasses(posts.length, { large: 3 })}`}>
        {posts.map((post) => (
          <PostCard key={post.slug} post={post} headingLevel={block.heading ? 3 : 2} />
        ))}
      </div>
      <p className="mt-10">
        <a href="/blog" className="font-semibold text-primary hover:underline">
          All articles →
        </a>
      </p>
    </Section>
  );
}
