import type { PostCardData } from './block-data.js';
import type { BlockProps } from './types.js';
import { Section } from './ui.js';

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

export function PostCard({ post }: { post: PostCardData }) {
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
        <h3 className="mt-3 font-display text-xl font-semibold leading-snug">
          <a href={`/blog/${post.slug}`} className="after:absolute after:inset-0 group-hover:text-primary">
            {post.title}
          </a>
        </h3>
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
      <div className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
        {posts.map((post) => (
          <PostCard key={post.slug} post={post} />
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
