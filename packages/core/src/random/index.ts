export { fmix32, HASH_ALGORITHM_VERSION, murmur3String, murmur3Words } from './hash.js';
export { createSeededPermutation, type SeededPermutation } from './permutation.js';
export { createRng, hashSeed, type Rng } from './rng.js';
