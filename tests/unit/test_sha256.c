/* SHA-256 against the FIPS 180-4 example vectors, plus padding edge lengths and
 * incremental-versus-one-shot equality. */
#include "core/sha256.h"

#include "check.h"

#include <stdlib.h>

static void digest_hex(const unsigned char digest[32], char out[65])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 0x0f];
    }
    out[64] = '\0';
}

/* Feeds data in chunks of the given sizes, cycling through them. */
static void hash_chunked(const unsigned char *data, size_t size, const size_t *chunks,
                         size_t chunk_count, char out[65])
{
    Sha256 ctx = {{0}, 0, {0}, 0};
    unsigned char digest[32] = {0};
    size_t done = 0;
    size_t which = 0;
    sha256_init(&ctx);
    while (done < size) {
        size_t take = chunks[which++ % chunk_count];
        if (take > size - done)
            take = size - done;
        sha256_update(&ctx, data + done, take);
        done += take;
    }
    sha256_final(&ctx, digest);
    digest_hex(digest, out);
}

static void test_fips_vectors(void)
{
    char hex[65] = {0};

    /* FIPS 180-4 examples: empty, one block, two blocks (448 bits forces the
     * length into a second block), and the 896-bit message. */
    sha256_hex("", 0, hex);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_hex(NULL, 0, hex);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_hex("abc", 3, hex);
    CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex(m448, strlen(m448), hex);
    CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const char *m896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                       "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    sha256_hex(m896, strlen(m896), hex);
    CHECK_STR(hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_million_a(void)
{
    const size_t size = 1000000;
    unsigned char *data = malloc(size);
    char hex[65] = {0};
    CHECK(data != NULL);
    if (!data)
        return;
    memset(data, 'a', size);

    /* One shot, then uneven chunks that straddle block boundaries in every
     * way (1, 63, 64, 65, 127, 1000, 4099 bytes). */
    const char *expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    sha256_hex(data, size, hex);
    CHECK_STR(hex, expected);
    const size_t uneven[] = {1, 63, 64, 65, 127, 1000, 4099, 7};
    hash_chunked(data, size, uneven, sizeof uneven / sizeof uneven[0], hex);
    CHECK_STR(hex, expected);
    const size_t odd[] = {13};
    hash_chunked(data, size, odd, 1, hex);
    CHECK_STR(hex, expected);
    free(data);
}

static void test_padding_edges(void)
{
    /* Lengths around the 55/56-byte limit where the length no longer fits in
     * the last block, and around whole blocks (values from sha256sum). */
    static const struct {
        size_t length;
        const char *hex;
    } cases[] = {
        {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
        {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
        {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
        {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
        {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
        {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
        {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
        {128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"},
    };
    unsigned char data[128];
    char hex[65] = {0};
    memset(data, 'a', sizeof data);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sha256_hex(data, cases[i].length, hex);
        CHECK_STR(hex, cases[i].hex);
    }
}

static void test_incremental_equals_one_shot(void)
{
    /* Every split point of a 200-byte message, and byte-at-a-time feeding,
     * must give the one-shot digest: the buffering in update is invisible. */
    unsigned char data[200];
    char one_shot[65] = {0};
    char pieces[65] = {0};
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (unsigned char)(i * 37u + 11u);

    for (size_t size = 0; size <= sizeof data; size += 1) {
        sha256_hex(data, size, one_shot);
        for (size_t split = 0; split <= size; split += 7) {
            Sha256 ctx = {{0}, 0, {0}, 0};
            unsigned char digest[32] = {0};
            sha256_init(&ctx);
            sha256_update(&ctx, data, split);
            sha256_update(&ctx, NULL, 0);
            sha256_update(&ctx, data + split, size - split);
            sha256_final(&ctx, digest);
            digest_hex(digest, pieces);
            CHECK_STR(pieces, one_shot);
        }
        const size_t single[] = {1};
        hash_chunked(data, size, single, 1, pieces);
        CHECK_STR(pieces, one_shot);
    }

    /* A context can be reused after sha256_init. */
    Sha256 ctx = {{0}, 0, {0}, 0};
    unsigned char digest[32] = {0};
    char hex[65] = {0};
    sha256_init(&ctx);
    sha256_update(&ctx, "junk", 4);
    sha256_final(&ctx, digest);
    sha256_init(&ctx);
    sha256_update(&ctx, "ab", 2);
    sha256_update(&ctx, "c", 1);
    sha256_final(&ctx, digest);
    digest_hex(digest, hex);
    CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

int main(void)
{
    test_fips_vectors();
    test_million_a();
    test_padding_edges();
    test_incremental_equals_one_shot();
    return check_finish("test_sha256");
}
