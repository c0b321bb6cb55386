/* A very small assertion kit for the unit-test executables. Each CHECK that fails
 * prints file:line and the expression; main returns check_finish(). */
#ifndef SKRANKEN_CHECK_H
#define SKRANKEN_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(expr)                                                              \
    do {                                                                         \
        check_count++;                                                           \
        if (!(expr)) {                                                           \
            check_failures++;                                                    \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #expr); \
        }                                                                        \
    } while (0)

#define CHECK_INT(a, b)                                                          \
    do {                                                                         \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);          \
        check_count++;                                                           \
        if (check_a_ != check_b_) {                                              \
            check_failures++;                                                    \
            fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__,      \
                    __LINE__, #a, check_a_, check_b_);                           \
        }                                                                        \
    } while (0)

#define CHECK_STR(a, b)                                                          \
    do {                                                                         \
        const char *check_a_ = (a), *check_b_ = (b);                             \
        check_count++;                                                           \
        if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {         \
            check_failures++;                                                    \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__,  \
                    __LINE__, #a, check_a_ ? check_a_ : "(null)",                \
                    check_b_ ? check_b_ : "(null)");                             \
        }                                                                        \
    } while (0)

static int check_finish(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif
