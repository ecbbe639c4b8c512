/** The submission bodies are part of the API contract, shared with API clients. */
export { formSubmitBodySchema, leadBodySchema, type SubmissionBody } from '@spark/contracts/api';
