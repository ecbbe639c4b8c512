import type { FormFieldData } from './block-data.js';

/**
 * The notice a form shows when it asks for personal data: the site's own wording (`sites.settings.privacy_notice`)
 * or a plain default, with a link to the site's privacy page when it has one. Pure, so the rule is unit-tested.
 */
export interface PrivacyNotice {
  text: string;
  /** The site's published privacy page, if any. */
  policyUrl: string | null;
}

export const DEFAULT_PRIVACY_NOTICE =
  'We use the details you send only to answer your request, and we never sell them.';

// Names as well as types: a name or address typed into a plain text field is personal data too.
const PERSONAL_TYPES = new Set(['email', 'tel']);
const PERSONAL_NAME = /(^|_)(name|email|e_mail|phone|mobile|tel|address|street|zip|postcode|birth)(_|$)/i;

export function collectsPersonalData(fields: readonly Pick<FormFieldData, 'name' | 'type'>[]): boolean {
  return fields.some(
    (field) => field.type !== 'hidden' && (PERSONAL_TYPES.has(field.type) || PERSONAL_NAME.test(field.name)),
  );
}

export function privacyNotice(siteText: string | null, policyUrl: string | null): PrivacyNotice {
  const text = siteText?.trim();
  return { text: text ? text : DEFAULT_PRIVACY_NOTICE, policyUrl };
}
