-- The indexes behind article_links' optional references (target article, hub page, link target) leave out the
-- rows without one: a foreign key's `on delete set null` only looks rows up by a value, and most links name no
-- hub page and no link target, so insert-links no longer writes a null entry into each of them for every link.
-- An index keeps its name: the older, full definition is dropped here (only when it is the older one, so
-- running this twice changes nothing) and the schema files create the partial one. Indexes hold no data of
-- their own: nothing is lost.
do $$
declare
  index_name text;
begin
  foreach index_name in array array['article_links_target_article_id_idx', 'article_links_target_hub_page_id_idx',
                              'article_links_link_target_id_idx'] loop
    if exists (select 1 from pg_indexes
               where schemaname = 'public' and indexname = index_name and indexdef not like '% WHERE %') then
      execute format('drop index %I', index_name);
    end if;
  end loop;
end
$$;
