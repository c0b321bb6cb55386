/* The xAPI export's UUIDs: SHA-1 against FIPS 180 vectors and the padding edge
 * lengths, version 5 UUIDs against RFC 4122 / Python's uuid.uuid5, Skranken's
 * own namespace, and the IRI check for --base-iri and --homepage. */
#include "report/xapi.h"

#include "../unit/check.h"

#include <stdlib.h>

static void sha1_hex(const void *data, size_t len, char out[41])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char d[20];
    xapi_sha1(data, len, d);
    for (int i = 0; i < 20; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[40] = '\0';
}

static void test_sha1(void)
{
    char h[41];
    sha1_hex("", 0, h);
    CHECK_STR(h, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    sha1_hex("abc", 3, h);
    CHECK_STR(h, "a9993e364706816aba3e25717850c26c9cd0d89d");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha1_hex(two, strlen(two), h);
    CHECK_STR(h, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    static const struct {
        size_t n;
        const char *hex;
    } edges[] = {
        {55, "c1c8bbdc22796e28c0e15163d20899b65621d65a"},
        {56, "c2db330f6083854c99d4b5bfb6e8f29f201be699"},
        {63, "03f09f5b158a7a8cdad920bddc29b81c18a551f5"},
        {64, "0098ba824b5c16427bd7a1122a5a442a25ec644d"},
        {65, "11655326c708d70319be2610e8a57d9a5b959d3b"},
        {119, "ee971065aaa017e0632a8ca6c77bb3bf8b1dfc56"},
        {120, "f34c1488385346a55709ba056ddd08280dd4c6d6"},
    };
    char *a = malloc(1000000);
    memset(a, 'a', 1000000);
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
        sha1_hex(a, edges[i].n, h);
        CHECK_STR(h, edges[i].hex);
    }
    sha1_hex(a, 1000000, h);
    CHECK_STR(h, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    free(a);
}

static void test_uuid5(void)
{
    /* RFC 4122's name spaces */
    static const unsigned char ns_dns[16] = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                                             0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
    static const unsigned char ns_url[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                             0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
    char u[37];
    xapi_uuid5(ns_dns, "python.org", 10, u);
    CHECK_STR(u, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    const char *url = "http://example.com/\xc3\xa6\xc3\xb8\xc3\xa5";
    xapi_uuid5(ns_url, url, strlen(url), u);
    CHECK_STR(u, "51d3281b-c12a-53d9-8a2e-8f6284ffd44b");
    /* our namespace is what docs/xapi.md says it is */
    xapi_uuid5(ns_url, "urn:skranken:xapi", 17, u);
    CHECK_STR(u, "0e1c1412-cf7b-50fe-9a2a-563d7f46bc5a");
    xapi_uuid5(xapi_namespace, "skranken", 8, u);
    CHECK_STR(u, "b3bca1fb-091d-58cd-9d2f-a7392ab110a7");
    CHECK(u[14] == '5');
    CHECK(strchr("89ab", u[19]) != NULL);
}

static void test_iri_ok(void)
{
    CHECK(xapi_iri_ok("https://skole.example/xapi"));
    CHECK(xapi_iri_ok("http://lrs.skole.no"));
    CHECK(xapi_iri_ok("https://skole.example/xapi/"));
    CHECK(!xapi_iri_ok("ftp://skole.example"));
    CHECK(!xapi_iri_ok("https://"));
    CHECK(!xapi_iri_ok("https:///sti"));
    CHECK(!xapi_iri_ok("skole.example/xapi"));
    CHECK(!xapi_iri_ok("https://skole.example/x api"));
    CHECK(!xapi_iri_ok("https://skole.example/?a=1"));
    CHECK(!xapi_iri_ok("https://skole.example/#a"));
    CHECK(!xapi_iri_ok("https://skole.example/\"x"));
    CHECK(!xapi_iri_ok("https://sk\xc3\xb8le.example"));
    char longer[300];
    memset(longer, 'a', sizeof longer);
    memcpy(longer, "https://", 8);
    longer[299] = '\0';
    CHECK(!xapi_iri_ok(longer));
}

int main(void)
{
    test_sha1();
    test_uuid5();
    test_iri_ok();
    return check_finish("test_xapi_uuid");
}
