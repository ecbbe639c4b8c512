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
  const standard: Record<string, string | null | undefined> = {
    city: input.location?.city,
    county: input.location?.county,
    state: input.location?.state,
    state_code: input.location?.stateCode,
    niche: input.niche,
    avatar_name: input.avatarName,
    year: String(input.now.getUTCFullYear()),
    month: MONTHS[input.now.getUTCMonth()],
  };
  const custom: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.nicheVariables ?? {})) custom[name.toLowerCase()] = value;
  return { ...custom, ...standard };
}
