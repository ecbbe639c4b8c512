import { describe, expect, it } from 'vitest';
import type { RelationalStep } from './relations.js';
import { type Filter, type GuardContext, RefusedPath } from './scope-filter.js';
import { scopeQuery } from './scope-query.js';

/**
 * A miniature of the real schema: geo is global (every row readable), sites/leads/headlines are tenant rows
 * (readable with a filter), secrets is not readable at all.
 */
const relations: Record<string, Record<string, RelationalStep>> = {
  headlines: { site_id: { kind: 'm2o', target: 'sites' }, city_id: { kind: 'm2o', target: 'geo' } },
  leads: { site_id: { kind: 'm2o', target: 'sites' } },
  sites: { leads: { kind: 'o2m', target: 'leads' }, secret_id: { kind: 'm2o', target: 'secrets' } },
  geo: { state_id: { kind: 'm2o', target: 'geo' } },
};
const own = { site_id: { _eq: 'alpha' } };
const readable: Record<string, Filter | null> = {
  geo: null,
  sites: { id: { _eq: 'alpha' } },
  leads: own,
  headlines: own,
};
const context: GuardContext = {
  relationOf: (collection, key) => {
    const follow = /^\$FOLLOW\(([^,]+),/.exec(key);
    if (follow) return { kind: 'o2m', target: follow[1] ?? '' };
    return relations[collection]?.[key] ?? null;
  },
  readFilterOf: (collection) => readable[collection],
};
const scope = (collection: string, query: Record<string, unknown>) => scopeQuery(context, collection, query);

describe('scopeQuery filters', () => {
  it('leaves plain column filters and foreign-key comparisons alone', () => {
    const filter = { status: { _eq: 'new' }, site_id: { _eq: 'beta' } };
    expect(scope('leads', { filter }).filter).toEqual({
      _and: [{ status: { _eq: 'new' } }, { site_id: { _eq: 'beta' } }],
    });
    expect(scope('leads', { filter: { site_id: { _null: true } } }).filter).toEqual({
      site_id: { _null: true },
    });
  });

  it('ANDs the read filter of a many-to-one target onto the same path', () => {
    const filter = { site_id: { name: { _starts_with: 'b' } } };
    expect(scope('leads', { filter }).filter).toEqual({
      _and: [{ site_id: { name: { _starts_with: 'b' } } }, { site_id: { id: { _eq: 'alpha' } } }],
    });
  });

  it('needs no extra condition for a step into globally readable rows', () => {
    const filter = { city_id: { name: { _eq: 'Austin' } } };
    expect(scope('headlines', { filter }).filter).toEqual(filter);
  });

  it('scopes every hop of $FOLLOW → many-to-one → $FOLLOW paths', () => {
    const filter = {
      '$FOLLOW(headlines,city_id)': {
        site_id: { '$FOLLOW(leads,site_id)': { email: { _starts_with: 'x' } } },
      },
    };
    const follow = '$FOLLOW(headlines,city_id)';
    const leads = '$FOLLOW(leads,site_id)';
    expect(scope('geo', { filter }).filter).toEqual({
      _and: [
        {
          _and: [
            {
              _and: [
                { [follow]: { site_id: { [leads]: { email: { _starts_with: 'x' } } } } },
                { [follow]: { site_id: { [leads]: { site_id: { _eq: 'alpha' } } } } },
              ],
            },
            { [follow]: { site_id: { id: { _eq: 'alpha' } } } },
          ],
        },
        { [follow]: { site_id: { _eq: 'alpha' } } },
      ],
    });
  });

  it('scopes inside _and/_or and lifts logical operators found below a relation', () => {
    const filter = { _or: [{ site_id: { _or: [{ name: { _eq: 'a' } }, { name: { _eq: 'b' } }] } }] };
    const result = scope('leads', { filter }).filter as Filter;
    expect(JSON.stringify(result)).toContain('"site_id":{"id":{"_eq":"alpha"}}');
    expect(result).toEqual({
      _or: [
        {
          _and: [
            { _or: [{ site_id: { name: { _eq: 'a' } } }, { site_id: { name: { _eq: 'b' } } }] },
            { site_id: { id: { _eq: 'alpha' } } },
          ],
        },
      ],
    });
  });

  it('puts the read filter inside _some and _none subqueries, and scopes their own paths', () => {
    const filter = { leads: { _none: { email: { _eq: 'x' } } } };
    expect(scope('sites', { filter }).filter).toEqual({
      leads: { _none: { _and: [{ email: { _eq: 'x' } }, own] } },
    });
  });

  it('scopes a one-to-many existence test (operator directly on the alias)', () => {
    expect(scope('sites', { filter: { leads: { _nnull: true } } }).filter).toEqual({
      _and: [{ leads: { _nnull: true } }, { leads: { site_id: { _eq: 'alpha' } } }],
    });
  });

  it('refuses a step into a collection the caller cannot read, naming the path', () => {
    expect(() => scope('sites', { filter: { secret_id: { value: { _eq: 'x' } } } })).toThrow(
      /"secret_id" leads into "secrets"/,
    );
    expect(() => scope('geo', { filter: { '$FOLLOW(users,geo_id)': { email: { _eq: 'x' } } } })).toThrow(
      RefusedPath,
    );
  });

  it('refuses counting related rows and quantifiers below a relation', () => {
    expect(() => scope('sites', { filter: { 'count(leads)': { _gt: 0 } } })).toThrow(/Counting/);
    expect(() =>
      scope('headlines', { filter: { site_id: { leads: { _some: { email: { _eq: 'x' } } } } } }),
    ).toThrow(RefusedPath);
  });
});

describe('scopeQuery sort, aggregate, groupBy and deep', () => {
  it('allows sorting by own columns, foreign keys and globally readable relations', () => {
    expect(() => scope('headlines', { sort: ['-date_created', 'site_id', 'city_id.name'] })).not.toThrow();
  });

  it('refuses sort, aggregate and groupBy through a row-filtered relation', () => {
    expect(() => scope('leads', { sort: ['-site_id.name'] })).toThrow(/Sorting by "site_id.name"/);
    expect(() => scope('leads', { aggregate: { max: ['site_id.name'] } })).toThrow(/Aggregating/);
    expect(() => scope('leads', { group: ['site_id.name'] })).toThrow(/Grouping/);
    expect(() => scope('sites', { sort: ['count(leads)'] })).toThrow(RefusedPath);
  });

  it('ignores sort entries that name an aggregate result', () => {
    expect(() => scope('leads', { aggregate: { count: ['*'] }, sort: ['-count.site_id'] })).not.toThrow();
  });

  it('scopes deep _filter paths relative to the nested collection and checks deep _sort', () => {
    const query = { deep: { leads: { _filter: { site_id: { name: { _eq: 'b' } } }, _limit: 5 } } };
    expect(scope('sites', query).deep).toEqual({
      leads: {
        _filter: { _and: [{ site_id: { name: { _eq: 'b' } } }, { site_id: { id: { _eq: 'alpha' } } }] },
        _limit: 5,
      },
    });
    expect(() => scope('sites', { deep: { leads: { _sort: ['site_id.name'] } } })).toThrow(RefusedPath);
  });

  it('follows aliases in deep keys and refuses keys that name no relation', () => {
    const query = {
      alias: { mine: 'leads' },
      deep: { mine: { _filter: { site_id: { name: { _eq: 'b' } } } } },
    };
    expect(JSON.stringify(scope('sites', query).deep)).toContain('"site_id":{"id":{"_eq":"alpha"}}');
    expect(() => scope('sites', { deep: { unknown: { _filter: { id: { _eq: 1 } } } } })).toThrow(RefusedPath);
  });

  it('keeps everything else in the query untouched', () => {
    const query = { fields: ['*', 'site_id.name'], limit: 10, search: 'x', filter: {} };
    expect(scope('leads', query)).toEqual(query);
  });
});
