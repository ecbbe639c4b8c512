-- Two indexes of generated_articles gain columns so a page of a site's articles is read in order from the index
-- instead of sorting every row of the site: (site_id, status) becomes (site_id, status, date_created, id) and
-- the published one (site_id, published_at desc) gains id. An index keeps its name, so the older definition is
-- dropped here (only when it is the older one, so running this twice changes nothing) and the schema files
-- create the new one with the same name, together with the new scheduled and sitemap indexes. Indexes hold
-- no data of their own: nothing is lost.
do $$
begin
  if exists (select 1 from pg_indexes
             where schemaname = 'public' and indexname = 'generated_articles_status_idx'
               and indexdef not like '%date_created%') then
    drop index generated_articles_status_idx;
  end if;
  if exists (select 1 from pg_indexes
             where schemaname = 'public' and indexname = 'generated_articles_published_idx'
               and indexdef not like '%, id)%') then
    drop index generated_articles_published_idx;
  end if;
end
$$;
