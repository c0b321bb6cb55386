/* xAPI 1.0.3 statements made from report files (docs/xapi.md): for each attempt
 * "attempted", "completed", "passed" or "failed", and one statement per critical
 * error. Everything in them comes from the report and the options, so the same
 * report always gives the same statements (ids included): sending them to a
 * learning record store twice stores them once. */
#ifndef SKRANKEN_XAPI_H
#define SKRANKEN_XAPI_H

#include "report_read.h"

#include <stddef.h>

#define XAPI_DEFAULT_BASE_IRI "https://skranken.example/xapi"
#define XAPI_DEFAULT_HOMEPAGE "https://skranken.example"

typedef struct XapiOptions {
    const char *base_iri; /* activities, verbs and extensions live under it */
    const char *homepage; /* the actor's account.homePage */
} XapiOptions;

/* 1 if text can be a base IRI or home page here: http:// or https://, a host,
 * at most 200 bytes of printable ASCII without spaces, quotes, '<', '>', '\',
 * '^', '`', '{', '|', '}', '?' or '#'. */
int xapi_iri_ok(const char *text);

typedef struct XapiBatch XapiBatch;

XapiBatch *xapi_batch_new(const XapiOptions *options);
void xapi_batch_free(XapiBatch *batch);

/* Adds one attempt's statements (name is the report's file name, for
 * messages). Returns the number of statements added; 0 when the same attempt
 * (the same registration) is already in the batch with the same statements,
 * with a note in err; -1 when it is there with other statements (one of the
 * two reports was changed), with the message in err. */
int xapi_batch_add(XapiBatch *batch, const char *name, const ReportFile *report, char *err,
                   size_t errsize);
size_t xapi_batch_count(const XapiBatch *batch);
/* The statements as one JSON array (caller frees). */
char *xapi_batch_render(const XapiBatch *batch);

/* An RFC 4122 name-based UUID, version 5 (SHA-1), in lowercase text. */
void xapi_uuid5(const unsigned char namespace_id[16], const void *name, size_t len,
                char out[37]);
/* The namespace of Skranken's UUIDs: uuid5(NAMESPACE_URL, "urn:skranken:xapi"),
 * 0e1c1412-cf7b-50fe-9a2a-563d7f46bc5a. */
extern const unsigned char xapi_namespace[16];
/* SHA-1 (FIPS 180-4), only for version 5 UUIDs. */
void xapi_sha1(const void *data, size_t len, unsigned char digest[20]);

#endif
