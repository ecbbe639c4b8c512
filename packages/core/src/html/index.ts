export { decodeEntities, escapeHtml } from './entities.js';
export { ALLOWED_ELEMENTS, safeHref, sanitizeHtml } from './sanitizeHtml.js';
export { countWords, htmlToText, splitWords } from './text.js';
export { type HtmlAttribute, type HtmlToken, tokenizeHtml } from './tokenize.js';
