/* Seeded random numbers. One generator per stream: the simulation stream decides
 * everything that can change a score; the cosmetic stream is for looks only, so
 * an animation can never change a result. */
#ifndef SKRANKEN_RNG_H
#define SKRANKEN_RNG_H

#include <stdint.h>

typedef enum RngStream {
    RNG_STREAM_SIMULATION = 1,
    RNG_STREAM_COSMETIC = 2
} RngStream;

typedef struct Rng {
    uint64_t state[4];
} Rng;

/* Same seed and stream give the same sequence on every machine. */
void rng_seed(Rng *rng, uint64_t seed, RngStream stream);
uint64_t rng_next(Rng *rng);
/* Uniform integer in [lo, hi]; lo > hi returns lo. No modulo bias. */
int64_t rng_range(Rng *rng, int64_t lo, int64_t hi);
/* Uniform double in [0, 1). */
double rng_unit(Rng *rng);

#endif
