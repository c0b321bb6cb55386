/* SHA-256 (FIPS 180-4), for the scenario file hash in reports. */
#ifndef SKRANKEN_SHA256_H
#define SKRANKEN_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct Sha256 {
    uint32_t h[8];
    uint64_t length;
    unsigned char block[64];
    size_t used;
} Sha256;

void sha256_init(Sha256 *ctx);
void sha256_update(Sha256 *ctx, const void *data, size_t size);
void sha256_final(Sha256 *ctx, unsigned char digest[32]);
/* Hash of a buffer as 64 lowercase hex digits and a NUL. */
void sha256_hex(const void *data, size_t size, char out[65]);

#endif
