import type { VariableBindings } from '../spintax/ast.js';

export interface ArticleLocation {
  readonly city?: string | null;
  readonly county?: string | null;
  readonly state?: string | null;
  readonly stateCode?: string | null;
}

export interface ArticleBindingsInput {
  readonly location?: ArticleLocation | null;
  readonly avatarName?: string | null;
  readonly niche?: string | null;
  /** The campaign's niche_variables; they cannot override the standard variables below. */
  readonly nicheVariables?: Readonly<Record<string, string>>;
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

/** Variable bindings for one article; absent values stay unbound so the quality gate catches them. */
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
  return bindings;
}
