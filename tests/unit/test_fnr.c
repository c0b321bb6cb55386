/* Fødselsnummer: every validation rule, the kinds, the century table, and the
 * synthetic-number generator. Numbers are built here with an independent
 * check-digit routine so the tests do not trust fnr_check_digits. */
#include "core/fnr.h"

#include "check.h"

/* Reference mod-11 (independent of fnr.c): returns 0 and writes both check
 * digits, or -1 if either would be 10. */
static int ref_check_digits(const char nine[9], char out[2])
{
    static const int w1[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    static const int w2[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    int sum1 = 0, sum2 = 0;
    for (int i = 0; i < 9; i++)
        sum1 += (nine[i] - '0') * w1[i];
    int k1 = (11 - sum1 % 11) % 11;
    if (k1 == 10)
        return -1;
    for (int i = 0; i < 9; i++)
        sum2 += (nine[i] - '0') * w2[i];
    sum2 += k1 * w2[9];
    int k2 = (11 - sum2 % 11) % 11;
    if (k2 == 10)
        return -1;
    out[0] = (char)('0' + k1);
    out[1] = (char)('0' + k2);
    return 0;
}

/* Builds the number for raw (offset-included) day and month fields. */
static int build(int dd, int mm, int yy, int individ, char out[12])
{
    snprintf(out, 12, "%02d%02d%02d%03d", dd, mm, yy, individ);
    out[11] = '\0';
    return ref_check_digits(out, out + 9);
}

/* The first individnummer in [lo, hi] with the given parity (0 even/female,
 * 1 odd/male, -1 any) that completes; for tests pinning the date. */
static int build_in_range(int dd, int mm, int yy, int lo, int hi, int parity, char out[12])
{
    for (int individ = lo; individ <= hi; individ++) {
        if (parity >= 0 && individ % 2 != parity)
            continue;
        if (build(dd, mm, yy, individ, out) == 0)
            return individ;
    }
    return -1;
}

/* The first day 1..28 of January that completes with this exact individnummer;
 * for tests pinning the century table, where the date does not matter. */
static int build_any_day(int yy, int individ, char out[12])
{
    for (int day = 1; day <= 28; day++)
        if (build(day, 1, yy, individ, out) == 0)
            return day;
    return -1;
}

static void test_examples(void)
{
    FnrInfo info = {FNR_ORDINARY, 0, 0, 0, 0};

    /* Domain-brief example: individnummer 567 with YY 99 is the 1855-1899
     * range, so this is 31.12.1899; 9th digit 7 is odd, so male. */
    CHECK_INT(fnr_parse("31129956715", &info), FNR_OK);
    CHECK_INT(info.kind, FNR_ORDINARY);
    CHECK_INT(info.year, 1899);
    CHECK_INT(info.month, 12);
    CHECK_INT(info.day, 31);
    CHECK_INT(info.male, 1);

    /* Synthetic example: month 85 = May + 80, individnummer 123 -> 1990. */
    CHECK_INT(fnr_parse("15859012342", &info), FNR_OK);
    CHECK_INT(info.kind, FNR_SYNTHETIC);
    CHECK_INT(info.year, 1990);
    CHECK_INT(info.month, 5);
    CHECK_INT(info.day, 15);
    CHECK_INT(info.male, 1);

    /* info may be NULL. */
    CHECK_INT(fnr_parse("15859012342", NULL), FNR_OK);

    /* The reference routine agrees with the examples' printed check digits. */
    char cd[2] = {0, 0};
    CHECK_INT(ref_check_digits("311299567", cd), 0);
    CHECK(cd[0] == '1' && cd[1] == '5');
}

static void test_length_and_digits(void)
{
    /* Length: NULL, empty, 10 and 12 characters. */
    CHECK_INT(fnr_parse(NULL, NULL), FNR_ERR_LENGTH);
    CHECK_INT(fnr_parse("", NULL), FNR_ERR_LENGTH);
    CHECK_INT(fnr_parse("3112995671", NULL), FNR_ERR_LENGTH);
    CHECK_INT(fnr_parse("311299567150", NULL), FNR_ERR_LENGTH);
    CHECK_INT(fnr_parse("31129956715 ", NULL), FNR_ERR_LENGTH);
    /* Length is checked before digits. */
    CHECK_INT(fnr_parse("abc", NULL), FNR_ERR_LENGTH);

    /* Digits: a letter, a space, a sign, a non-digit in a check position. */
    CHECK_INT(fnr_parse("3112995671a", NULL), FNR_ERR_DIGITS);
    CHECK_INT(fnr_parse("311299 6715", NULL), FNR_ERR_DIGITS);
    CHECK_INT(fnr_parse("-1129956715", NULL), FNR_ERR_DIGITS);
    CHECK_INT(fnr_parse("311299.6715", NULL), FNR_ERR_DIGITS);
    CHECK_INT(fnr_parse("31129956x15", NULL), FNR_ERR_DIGITS);
}

static void test_check_digits(void)
{
    FnrInfo info = {FNR_ORDINARY, 0, 0, 0, 0};

    /* Each check digit wrong on its own: every other value of k1 is CHECK1;
     * every other value of k2 (k1 correct) is CHECK2. */
    char number[12] = "31129956715";
    for (char c = '0'; c <= '9'; c++) {
        if (c == '1')
            continue;
        number[9] = c;
        CHECK_INT(fnr_parse(number, &info), FNR_ERR_CHECK1);
    }
    number[9] = '1';
    for (char c = '0'; c <= '9'; c++) {
        if (c == '5')
            continue;
        number[10] = c;
        CHECK_INT(fnr_parse(number, &info), FNR_ERR_CHECK2);
    }

    /* A changed body digit breaks the first check before anything else. */
    CHECK_INT(fnr_parse("31129956815", NULL), FNR_ERR_CHECK1);
    /* Check digits are verified before the date: 99.99.99 with wrong digits. */
    CHECK_INT(fnr_parse("99999999900", NULL), FNR_ERR_CHECK1);

    /* fnr_check_digits agrees with the examples. */
    char out[2] = {0, 0};
    CHECK_INT(fnr_check_digits("311299567", out), 0);
    CHECK(out[0] == '1' && out[1] == '5');
    CHECK_INT(fnr_check_digits("158590123", out), 0);
    CHECK(out[0] == '4' && out[1] == '2');

    /* 010190012: k1 = 11 - (sum1 mod 11) = 10, so no number has this prefix;
     * fnr_check_digits says -1 and every completion fails CHECK1. */
    CHECK_INT(fnr_check_digits("010190012", out), -1);
    for (int k = 0; k < 100; k++) {
        snprintf(number, sizeof number, "010190012%02d", k);
        CHECK_INT(fnr_parse(number, NULL), FNR_ERR_CHECK1);
    }
    /* 010190007: k1 = 5 but k2 would be 10; -1 again, and with k1 = 5 every
     * completion fails CHECK2. */
    CHECK_INT(fnr_check_digits("010190007", out), -1);
    for (int k = 0; k < 10; k++) {
        snprintf(number, sizeof number, "0101900075%d", k);
        CHECK_INT(fnr_parse(number, NULL), FNR_ERR_CHECK2);
    }
    /* Non-digits are no prefix either. */
    CHECK_INT(fnr_check_digits("01019000x", out), -1);

    /* fnr_check_digits matches the reference over a sweep of prefixes. */
    int disagreements = 0;
    for (int individ = 0; individ <= 999; individ++) {
        char nine[12] = {0};
        char mine[2] = {0, 0}, ref[2] = {0, 0};
        snprintf(nine, sizeof nine, "170584%03d", individ);
        int a = fnr_check_digits(nine, mine);
        int b = ref_check_digits(nine, ref);
        if (a != b || (a == 0 && (mine[0] != ref[0] || mine[1] != ref[1])))
            disagreements++;
    }
    CHECK_INT(disagreements, 0);
}

static void test_dates(void)
{
    char n[12] = {0};
    FnrInfo info = {FNR_ORDINARY, 0, 0, 0, 0};

    /* Leap days: 2000 and 1996 are leap years, 1900 (century, not /400),
     * 1999 and 2001 are not. YY 00 with individnummer 000-499 is 1900, with
     * 500-999 it is 2000, so the same DDMMYY is valid or not by century. */
    CHECK(build_in_range(29, 2, 0, 500, 999, -1, n) >= 0);
    CHECK_INT(fnr_parse(n, &info), FNR_OK);
    CHECK_INT(info.year, 2000);
    CHECK_INT(info.month, 2);
    CHECK_INT(info.day, 29);
    CHECK(build_in_range(29, 2, 96, 0, 499, -1, n) >= 0);
    CHECK_INT(fnr_parse(n, &info), FNR_OK);
    CHECK_INT(info.year, 1996);
    CHECK(build_in_range(29, 2, 0, 0, 499, -1, n) >= 0);
    CHECK_INT(fnr_parse(n, NULL), FNR_ERR_DATE);
    CHECK(build_in_range(29, 2, 99, 0, 499, -1, n) >= 0);
    CHECK_INT(fnr_parse(n, NULL), FNR_ERR_DATE);
    CHECK(build_in_range(29, 2, 1, 500, 999, -1, n) >= 0);
    CHECK_INT(fnr_parse(n, NULL), FNR_ERR_DATE);

    /* Impossible days and months (all with correct check digits). */
    static const int bad[][2] = {
        {0, 1},  /* day 0 */
        {32, 1}, /* day 32 */
        {40, 1}, /* between ordinary and D ranges */
        {31, 4}, /* April has 30 */
        {30, 2}, /* never */
        {15, 0}, /* month 0 */
        {15, 13}, /* month 13 */
        {15, 40}, /* month 40 = H-nummer month 0 */
        {15, 53}, /* H-nummer month 13 */
        {15, 80}, /* synthetic month 0 */
        {15, 93}, /* synthetic month 13 */
        {72, 1}, /* D-nummer day 32 */
        {80, 1}, /* D-nummer day 40 */
        {71, 4}, /* D-nummer 31 April */
        {55, 45}, /* D and H at once is no kind */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK(build_in_range(bad[i][0], bad[i][1], 85, 0, 499, -1, n) >= 0);
        FnrError err = fnr_parse(n, NULL);
        if (err != FNR_ERR_DATE)
            fprintf(stderr, "raw day %d month %d: %s\n", bad[i][0], bad[i][1], n);
        CHECK_INT(err, FNR_ERR_DATE);
    }

    /* Date is checked before century: 31 April with a century-less
     * individnummer (600, YY 45) is a date error. */
    CHECK(build_in_range(31, 4, 45, 600, 749, -1, n) >= 0);
    CHECK_INT(fnr_parse(n, NULL), FNR_ERR_DATE);
    /* ... and a leap day in a century-less number is judged by YY alone
     * (44 is a leap year in any century), so it reaches the century check. */
    CHECK(build_in_range(29, 2, 44, 600, 749, -1, n) >= 0);
    CHECK_INT(fnr_parse(n, NULL), FNR_ERR_CENTURY);
    CHECK(build_in_range(29, 2, 45, 600, 749, -1, n) >= 0);
    CHECK_INT(fnr_parse(n, NULL), FNR_ERR_DATE);
}

/* One century-table row: YY and individnummer -> year, or -1 for none. */
static void check_century(int yy, int individ, int expected, int line)
{
    char n[12] = {0};
    FnrInfo info = {FNR_ORDINARY, 0, 0, 0, 0};
    int got = fnr_century_year(yy, individ);
    if (got != expected)
        fprintf(stderr, "line %d: fnr_century_year(%d, %d) = %d\n", line, yy, individ, got);
    CHECK_INT(got, expected);

    /* The same row through fnr_parse, with a number built for it. */
    int day = build_any_day(yy, individ, n);
    CHECK(day > 0);
    if (day < 0)
        return;
    FnrError err = fnr_parse(n, &info);
    if (expected < 0) {
        CHECK_INT(err, FNR_ERR_CENTURY);
    } else {
        CHECK_INT(err, FNR_OK);
        CHECK_INT(info.year, expected);
        CHECK_INT(info.day, day);
        CHECK_INT(info.male, individ % 2);
    }
}

static void test_century(void)
{
    /* 000-499 -> 1900-1999, whatever YY. */
    check_century(0, 0, 1900, __LINE__);
    check_century(99, 499, 1999, __LINE__);
    check_century(39, 250, 1939, __LINE__);
    /* 500-749 with YY > 54 -> 1855-1899. */
    check_century(55, 500, 1855, __LINE__);
    check_century(99, 749, 1899, __LINE__);
    /* 500-999 with YY < 40 -> 2000-2039 (also 500-749). */
    check_century(0, 500, 2000, __LINE__);
    check_century(39, 999, 2039, __LINE__);
    check_century(39, 749, 2039, __LINE__);
    check_century(10, 750, 2010, __LINE__);
    /* 900-999 with YY > 39 -> 1940-1999. */
    check_century(40, 900, 1940, __LINE__);
    check_century(99, 999, 1999, __LINE__);
    /* Gaps: 500-749 with YY 40-54; 750-899 with YY 40-99. */
    check_century(40, 500, -1, __LINE__);
    check_century(54, 749, -1, __LINE__);
    check_century(45, 600, -1, __LINE__);
    check_century(40, 750, -1, __LINE__);
    check_century(99, 899, -1, __LINE__);
    check_century(60, 800, -1, __LINE__);

    /* Out-of-range arguments. */
    CHECK_INT(fnr_century_year(-1, 0), -1);
    CHECK_INT(fnr_century_year(100, 0), -1);
    CHECK_INT(fnr_century_year(50, -1), -1);
    CHECK_INT(fnr_century_year(50, 1000), -1);
}

static void test_kinds(void)
{
    char n[12] = {0};
    FnrInfo info = {FNR_ORDINARY, 0, 0, 0, 0};

    /* Ordinary, female (even 9th digit). */
    CHECK(build_in_range(17, 5, 84, 0, 499, 0, n) >= 0);
    CHECK_INT(fnr_parse(n, &info), FNR_OK);
    CHECK_INT(info.kind, FNR_ORDINARY);
    CHECK(info.year == 1984 && info.month == 5 && info.day == 17);
    CHECK_INT(info.male, 0);

    /* D-nummer: day + 40. 57 -> 17; 71 -> 31 (the largest). */
    CHECK(build_in_range(57, 5, 84, 0, 499, 1, n) >= 0);
    CHECK_INT(fnr_parse(n, &info), FNR_OK);
    CHECK_INT(info.kind, FNR_D_NUMBER);
    CHECK(info.year == 1984 && info.month == 5 && info.day == 17);
    CHECK_INT(info.male, 1);
    CHECK(build_in_range(71, 12, 5, 500, 999, 0, n) >= 0);
    CHECK_INT(fnr_parse(n, &info), FNR_OK);
    CHECK_INT(info.kind, FNR_D_NUMBER);
    CHECK(info.year == 2005 && info.month == 12 && info.day == 31);
    CHECK_INT(info.male, 0);

    /* H-nummer: month + 40. 45 -> May; 41 and 52 are the ends. */
    CHECK(build_in_range(17, 45, 84, 0, 499, 0, n) >= 0);
    CHECK_INT(fnr_parse(n, &info), FNR_OK);
    CHECK_INT(info.kind, FNR_H_NUMBER);
    CHECK(info.year == 1984 && info.month == 5 && info.day == 17);
    CHECK_INT(info.male, 0);
    CHECK(build_in_range(1, 41, 60, 900, 999, 1, n) >= 0);
    CHECK_INT(fnr_parse(n, &info), FNR_OK);
    CHECK_INT(info.kind, FNR_H_NUMBER);
    CHECK(info.year == 1960 && info.month == 1 && info.day == 1);
    CHECK_INT(info.male, 1);
    CHECK(build_in_range(31, 52, 60, 0, 499, -1, n) >= 0);
    CHECK_INT(fnr_parse(n, &info), FNR_OK);
    CHECK_INT(info.kind, FNR_H_NUMBER);
    CHECK_INT(info.month, 12);

    /* Synthetic (Tenor): month + 80. 81 and 92 are the ends. */
    CHECK(build_in_range(1, 81, 70, 0, 499, 0, n) >= 0);
    CHECK_INT(fnr_parse(n, &info), FNR_OK);
    CHECK_INT(info.kind, FNR_SYNTHETIC);
    CHECK(info.year == 1970 && info.month == 1 && info.day == 1);
    CHECK_INT(info.male, 0);
    CHECK(build_in_range(31, 92, 75, 500, 749, 1, n) >= 0);
    CHECK_INT(fnr_parse(n, &info), FNR_OK);
    CHECK_INT(info.kind, FNR_SYNTHETIC);
    CHECK(info.year == 1875 && info.month == 12 && info.day == 31);
    CHECK_INT(info.male, 1);

    /* Synthetic D-nummer: day + 40 and month + 80. */
    CHECK(build_in_range(69, 82, 20, 500, 999, 1, n) >= 0);
    CHECK_INT(fnr_parse(n, &info), FNR_OK);
    CHECK_INT(info.kind, FNR_SYNTHETIC_D);
    CHECK(info.year == 2020 && info.month == 2 && info.day == 29);
    CHECK_INT(info.male, 1);
    CHECK(build_in_range(41, 81, 90, 0, 499, 0, n) >= 0);
    CHECK_INT(fnr_parse(n, &info), FNR_OK);
    CHECK_INT(info.kind, FNR_SYNTHETIC_D);
    CHECK(info.year == 1990 && info.month == 1 && info.day == 1);
    CHECK_INT(info.male, 0);
    /* Synthetic leap day in a non-leap year is still a date error. */
    CHECK(build_in_range(69, 82, 21, 500, 999, -1, n) >= 0);
    CHECK_INT(fnr_parse(n, NULL), FNR_ERR_DATE);
}

static void test_strerror(void)
{
    /* Every code has its own non-empty sentence; unknown codes fall back. */
    static const FnrError codes[] = {
        FNR_OK, FNR_ERR_LENGTH, FNR_ERR_DIGITS, FNR_ERR_CHECK1,
        FNR_ERR_CHECK2, FNR_ERR_DATE, FNR_ERR_CENTURY,
    };
    const size_t count = sizeof codes / sizeof codes[0];
    for (size_t i = 0; i < count; i++) {
        const char *s = fnr_strerror(codes[i]);
        CHECK(s != NULL && s[0] != '\0');
        for (size_t j = 0; j < i; j++)
            CHECK(s && strcmp(s, fnr_strerror(codes[j])) != 0);
    }
    CHECK_STR(fnr_strerror(FNR_ERR_LENGTH), "må ha nøyaktig 11 sifre");
    CHECK_STR(fnr_strerror(FNR_ERR_CHECK1), "første kontrollsiffer stemmer ikke");
    CHECK_STR(fnr_strerror(FNR_ERR_CHECK2), "andre kontrollsiffer stemmer ikke");
    const char *unknown = fnr_strerror((FnrError)99);
    CHECK(unknown != NULL && unknown[0] != '\0');
    const char *negative = fnr_strerror((FnrError)-1);
    CHECK(negative != NULL && negative[0] != '\0');
}

/* Small deterministic generator for the tests (splitmix64). */
static uint64_t test_next(void *ctx)
{
    uint64_t *state = ctx;
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* A degenerate generator that always says the same thing, to force the
 * bounded-retry-then-scan path. */
static uint64_t test_constant(void *ctx)
{
    return *(const uint64_t *)ctx;
}

static int days_in(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

/* The individnummer must lie in a range that gives this year's century. */
static int individ_fits_year(int individ, int year)
{
    return fnr_century_year(year % 100, individ) == year;
}

/* Generates one synthetic number and checks everything the contract promises;
 * returns 1 if all held, so loops can count failures instead of flooding. */
static int synthetic_ok(int year, int month, int day, int male,
                        uint64_t (*next)(void *), void *ctx)
{
    char out[12] = {0};
    FnrInfo info = {FNR_ORDINARY, 0, 0, 0, 0};
    if (fnr_make_synthetic(year, month, day, male, next, ctx, out) != 0)
        return 0;
    if (strlen(out) != 11 || fnr_parse(out, &info) != FNR_OK)
        return 0;
    int individ = (out[6] - '0') * 100 + (out[7] - '0') * 10 + (out[8] - '0');
    int raw_month = (out[2] - '0') * 10 + (out[3] - '0');
    return info.kind == FNR_SYNTHETIC && info.year == year && info.month == month &&
           info.day == day && info.male == (male ? 1 : 0) && raw_month == month + 80 &&
           individ_fits_year(individ, year);
}

static void test_make_synthetic(void)
{
    uint64_t state = 12345;
    static const int months[] = {1, 2, 6, 12};
    int failures = 0, tried = 0;

    /* Many dates, both sexes, including the last day of each month (29 Feb in
     * leap years), and the century edges 1900, 1940, 1999, 2000. */
    for (int year = 1900; year <= 2030; year++) {
        for (size_t m = 0; m < sizeof months / sizeof months[0]; m++) {
            int last = days_in(year, months[m]);
            const int days[] = {1, 15, 28, last};
            for (size_t d = 0; d < sizeof days / sizeof days[0]; d++) {
                for (int male = 0; male <= 1; male++) {
                    tried++;
                    if (!synthetic_ok(year, months[m], days[d], male, test_next, &state)) {
                        failures++;
                        fprintf(stderr, "synthetic %04d-%02d-%02d male=%d failed\n",
                                year, months[m], days[d], male);
                    }
                }
            }
        }
    }
    CHECK_INT(failures, 0);
    CHECK(tried > 4000);

    /* The ends of the expressible range: 1855-1899 and 2031-2039. */
    failures = 0;
    for (int year = 1855; year <= 2039; year++) {
        if (year == 1900)
            year = 2031; /* 1900-2030 is covered above */
        for (int male = 0; male <= 1; male++)
            failures += !synthetic_ok(year, 3, 9, male, test_next, &state);
    }
    CHECK_INT(failures, 0);

    /* Every day of one leap year and one non-leap year. */
    failures = 0;
    static const int whole_years[] = {1996, 2023};
    for (size_t y = 0; y < sizeof whole_years / sizeof whole_years[0]; y++)
        for (int month = 1; month <= 12; month++)
            for (int day = 1; day <= days_in(whole_years[y], month); day++)
                failures += !synthetic_ok(whole_years[y], month, day, (day + month) % 2,
                                          test_next, &state);
    CHECK_INT(failures, 0);

    /* Degenerate generators still terminate with a valid number: bounded
     * retries, then a deterministic scan. */
    static const uint64_t constants[] = {0, 1, 7, 299, UINT64_MAX};
    failures = 0;
    for (size_t c = 0; c < sizeof constants / sizeof constants[0]; c++) {
        uint64_t value = constants[c];
        for (int year = 1855; year <= 2039; year++)
            for (int male = 0; male <= 1; male++)
                failures += !synthetic_ok(year, 7, 4, male, test_constant, &value);
    }
    CHECK_INT(failures, 0);

    /* Deterministic: the same generator state gives the same number. */
    char a[12] = {0}, b[12] = {0};
    uint64_t s1 = 42, s2 = 42;
    CHECK_INT(fnr_make_synthetic(1975, 8, 21, 0, test_next, &s1, a), 0);
    CHECK_INT(fnr_make_synthetic(1975, 8, 21, 0, test_next, &s2, b), 0);
    CHECK_STR(a, b);

    /* Drawn, not fixed: many different individnummer appear, and for
     * 1940-1999 both the 000-499 and the 900-999 ranges are used. */
    int seen[1000] = {0};
    int distinct = 0, low = 0, high = 0;
    uint64_t s3 = 7;
    for (int i = 0; i < 2000; i++) {
        char out[12] = {0};
        if (fnr_make_synthetic(1970, 6, 15, 1, test_next, &s3, out) != 0)
            continue;
        int individ = (out[6] - '0') * 100 + (out[7] - '0') * 10 + (out[8] - '0');
        if (!seen[individ]++)
            distinct++;
        low += individ <= 499;
        high += individ >= 900;
    }
    CHECK(distinct > 100);
    CHECK(low > 0);
    CHECK(high > 0);
    CHECK_INT(low + high, 2000);
}

static void test_make_synthetic_impossible(void)
{
    uint64_t state = 99;
    char out[12] = {0};

    /* Years outside 1855-2039 have no individnummer range. */
    CHECK_INT(fnr_make_synthetic(1854, 6, 15, 1, test_next, &state, out), -1);
    CHECK_INT(fnr_make_synthetic(2040, 6, 15, 0, test_next, &state, out), -1);
    CHECK_INT(fnr_make_synthetic(0, 1, 1, 0, test_next, &state, out), -1);
    CHECK_INT(fnr_make_synthetic(-1990, 1, 1, 0, test_next, &state, out), -1);
    /* No such date. */
    CHECK_INT(fnr_make_synthetic(1990, 0, 15, 0, test_next, &state, out), -1);
    CHECK_INT(fnr_make_synthetic(1990, 13, 15, 0, test_next, &state, out), -1);
    CHECK_INT(fnr_make_synthetic(1990, 5, 0, 0, test_next, &state, out), -1);
    CHECK_INT(fnr_make_synthetic(1990, 5, 32, 0, test_next, &state, out), -1);
    CHECK_INT(fnr_make_synthetic(1990, 4, 31, 0, test_next, &state, out), -1);
    CHECK_INT(fnr_make_synthetic(1900, 2, 29, 1, test_next, &state, out), -1);
    CHECK_INT(fnr_make_synthetic(2023, 2, 29, 1, test_next, &state, out), -1);
    /* ... while the leap days next to them are fine. */
    CHECK_INT(fnr_make_synthetic(2000, 2, 29, 1, test_next, &state, out), 0);
    CHECK_INT(fnr_make_synthetic(1904, 2, 29, 0, test_next, &state, out), 0);
    /* No generator. */
    CHECK_INT(fnr_make_synthetic(1990, 5, 15, 0, NULL, &state, out), -1);
}

int main(void)
{
    test_examples();
    test_length_and_digits();
    test_check_digits();
    test_dates();
    test_century();
    test_kinds();
    test_strerror();
    test_make_synthetic();
    test_make_synthetic_impossible();
    return check_finish("test_fnr");
}
