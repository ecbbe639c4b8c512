/**
 * The frontend signs people in to Directus from its own server, so Directus sees every admin sign-in coming from
 * the frontend's address: a per-address login throttle would then let ten wrong passwords lock every marketer
 * out. The frontend therefore names the visitor's address in these headers, with an HMAC proof keyed by a secret
 * both servers hold; Directus counts the attempt under that address only when the proof is right.
 */
export const CLIENT_ADDRESS_HEADER = 'x-spark-client-address';
export const CLIENT_ADDRESS_PROOF_HEADER = 'x-spark-client-proof';
/** Mixed into the HMAC key so the proof can never double as anything else signed with the same secret. */
export const CLIENT_ADDRESS_PROOF_CONTEXT = 'spark:client-address:v1';
