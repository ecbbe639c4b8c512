import type { VariableBindings } from '../spintax/ast.js';
import {
  audienceNoun,
  type BusinessFacts,
  formatPhone,
  formatPopulation,
  joinEnglishList,
  pluralise,
} from './facts.js';

export interface ArticleLocation {
  readonly city?: string | null;
  readonly county?: string | null;
  readonly state?: string | null;
  readonly stateCode?: string | null;
  readonly population?: number | null;
  /** Names of the nearest places, nearest first. */
  readonly nearbyCities?: readonly string[] | null;
}

export interface ArticleBindingsInput {
  readonly location?: ArticleLocation | null;
  readonly avatarName?: string | null;
  readonly niche?: string | null;
  /** The campaign's niche_variables; they cannot override the standard variables below. */
  readonly nicheVariables?: Readonly<Record<string, string>>;
  /** The site's business facts; without them the business variables stay unbound. */
  readonly business?: BusinessFacts | null;
  /** Injected clock: Year and Month are the UTC year and English month name of this instant. */
  readonly now: Date;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Variable bindings for one article; absent values stay unbound so the quality gate catches them.
 * Besides the names as stored: Population (grouped, `961,855`), Nearby_Cities (`A, B and C`),
 * Audience / Audience_Plural (the avatar name in lower case for mid-sentence use), and the business
 * facts Business_Name, Phone (formatted), Phone_Href (for `tel:`), Service_Area, License, Contact_Path.
 */
export function buildArticleBindings(input: ArticleBindingsInput): VariableBindings {
  // The custom names first, then the standard ones over them: the keys and order of
  // `{ ...custom, ...standard }`, built in place (spreading the two objects cost more than all the rest).
  const bindings: Record<string, string | null | undefined> = {};
  for (const [name, value] of Object.entries(input.nicheVariables ?? {})) {
    const key = name.toLowerCase();
    // Assigning __proto__ would set the prototype; in the spread it was never a key either.
    if (key !== '__proto__') bindings[key] = value;
  }
  const location = input.location;
  bindings.city = location?.city;
  bindings.county = location?.county;
  bindings.state = location?.state;
  bindings.state_code = location?.stateCode;
  bindings.niche = input.niche;
  bindings.avatar_name = input.avatarName;
  bindings.year = String(input.now.getUTCFullYear());
  bindings.month = MONTHS[input.now.getUTCMonth()];
  bindings.population =
    location?.population === null || location?.population === undefined
      ? undefined
      : formatPopulation(location.population);
  const nearby = location?.nearbyCities;
  bindings.nearby_cities = nearby && nearby.length > 0 ? joinEnglishList(nearby) : undefined;
  const audience = input.avatarName ? audienceNoun(input.avatarName) : undefined;
  bindings.audience = audience;
  bindings.audience_plural = audience === undefined ? undefined : pluralise(audience);
  const business = input.business;
  const phone = business?.phone ? formatPhone(business.phone) : undefined;
  bindings.business_name = business?.name;
  bindings.phone = phone?.display;
  bindings.phone_href = phone?.href;
  bindings.service_area = business?.serviceArea ?? undefined;
  bindings.license = business?.license ?? undefined;
  bindings.contact_path = business?.contactPath ?? undefined;
  return bindings;
}
