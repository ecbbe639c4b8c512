import type { PrivacyNotice } from './privacy-notice.js';

/**
 * Data blocks reference by name (posts, forms, offers), resolved on the server before rendering. Plain JSON
 * types: an island receives them as serialised props, so nothing server-only may appear here.
 */
export interface PostCardData {
  slug: string;
  title: string;
  excerpt: string | null;
  coverImageUrl: string | null;
  tags: string[];
  publishedAt: string;
  authorName: string | null;
}

export type FormFieldType = 'text' | 'email' | 'tel' | 'textarea' | 'select' | 'checkbox' | 'hidden';

export interface FormFieldData {
  name: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: string[] | undefined;
  max_length?: number | undefined;
}

export interface SiteForm {
  slug: string;
  name: string;
  fields: FormFieldData[];
  success_message: string;
  redirect_url: string | null;
  /** Signed "shown at" stamp rendered into the form, so the fill time is measured with or without JavaScript. */
  token?: string;
}

export interface OfferData {
  name: string;
  headline: string;
  body: string;
  cta_label: string;
  cta_url: string | null;
}

export interface BlockData {
  posts: PostCardData[];
  forms: Record<string, SiteForm>;
  offers: Record<string, OfferData>;
  /** Shown under forms that ask for personal data; loaded only for pages with a form. */
  privacy: PrivacyNotice | null;
}

export const EMPTY_BLOCK_DATA: BlockData = { posts: [], forms: {}, offers: {}, privacy: null };
