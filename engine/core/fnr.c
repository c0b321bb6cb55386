/* Norwegian fødselsnummer. The rules, and why scenarios must use synthetic
 * numbers only, are in docs/fodselsnummer.md. */
#include "fnr.h"

#include <stddef.h>

static const int fnr_weights1[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
static const int fnr_weights2[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

/* Tries drawn from next() before falling back to a scan; about 1 in 6
 * individnummer gives a check digit of 10, so 32 failures in a row means the
 * generator is degenerate (e.g. constant), not unlucky. */
#define FNR_DRAW_TRIES 32

static int fnr_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Mod-11 check digit over count digits: 0-9, or 10 when none can exist. */
static int fnr_mod11(const int *digits, const int *weights, int count)
{
    int sum = 0;
    for (int i = 0; i < count; i++)
        sum += digits[i] * weights[i];
    int k = 11 - sum % 11;
    return k == 11 ? 0 : k;
}

static int fnr_is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int fnr_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && fnr_is_leap(year))
        return 29;
    return days[month - 1];
}

int fnr_check_digits(const char nine[9], char out[2])
{
    int digits[10] = {0};
    if (!nine || !out)
        return -1;
    for (int i = 0; i < 9; i++) {
        if (!fnr_is_digit(nine[i]))
            return -1; /* not a prefix of any number */
        digits[i] = nine[i] - '0';
    }
    int k1 = fnr_mod11(digits, fnr_weights1, 9);
    if (k1 == 10)
        return -1;
    digits[9] = k1;
    int k2 = fnr_mod11(digits, fnr_weights2, 10);
    if (k2 == 10)
        return -1;
    out[0] = (char)('0' + k1);
    out[1] = (char)('0' + k2);
    return 0;
}

int fnr_century_year(int yy, int individ)
{
    if (yy < 0 || yy > 99 || individ < 0 || individ > 999)
        return -1;
    if (individ <= 499)
        return 1900 + yy;
    if (individ <= 749 && yy > 54)
        return 1800 + yy;
    if (yy < 40) /* individ 500-999 */
        return 2000 + yy;
    if (individ >= 900) /* and yy > 39 */
        return 1900 + yy;
    return -1;
}

FnrError fnr_parse(const char *text, FnrInfo *info)
{
    int digits[11] = {0};
    size_t length = 0;
    if (!text)
        return FNR_ERR_LENGTH;
    /* Bounded so an unterminated long string is not read past 12 bytes. */
    while (length < 12 && text[length] != '\0')
        length++;
    if (length != 11)
        return FNR_ERR_LENGTH;
    for (int i = 0; i < 11; i++) {
        if (!fnr_is_digit(text[i]))
            return FNR_ERR_DIGITS;
        digits[i] = text[i] - '0';
    }

    /* A computed 10 never equals a digit, so "cannot exist" is also "wrong". */
    if (fnr_mod11(digits, fnr_weights1, 9) != digits[9])
        return FNR_ERR_CHECK1;
    if (fnr_mod11(digits, fnr_weights2, 10) != digits[10])
        return FNR_ERR_CHECK2;

    int day = digits[0] * 10 + digits[1];
    int month = digits[2] * 10 + digits[3];
    int yy = digits[4] * 10 + digits[5];
    int individ = digits[6] * 100 + digits[7] * 10 + digits[8];
    int d_offset = 0;
    FnrKind kind = FNR_ORDINARY;

    if (day > 40) {
        day -= 40;
        d_offset = 1;
    }
    if (month > 80) {
        month -= 80;
        kind = d_offset ? FNR_SYNTHETIC_D : FNR_SYNTHETIC;
    } else if (month > 40) {
        if (d_offset)
            return FNR_ERR_DATE; /* D and H together is no defined kind */
        month -= 40;
        kind = FNR_H_NUMBER;
    } else if (d_offset) {
        kind = FNR_D_NUMBER;
    }

    /* The date is checked before the century, but 29 February needs the year.
     * When the century cannot be resolved yy is never 00 (every individnummer
     * resolves 00), so the plain yy % 4 leap rule is then exact. */
    int year = fnr_century_year(yy, individ);
    int leap_probe = year >= 0 ? year : 1904 + (yy % 4 == 0 ? 0 : 1);
    if (day < 1 || day > fnr_days_in_month(leap_probe, month))
        return FNR_ERR_DATE;
    if (year < 0)
        return FNR_ERR_CENTURY;

    if (info) {
        info->kind = kind;
        info->year = year;
        info->month = month;
        info->day = day;
        info->male = digits[8] % 2;
    }
    return FNR_OK;
}

const char *fnr_strerror(FnrError err)
{
    switch (err) {
    case FNR_OK:
        return "fødselsnummeret er gyldig";
    case FNR_ERR_LENGTH:
        return "må ha nøyaktig 11 sifre";
    case FNR_ERR_DIGITS:
        return "kan bare inneholde sifrene 0-9";
    case FNR_ERR_CHECK1:
        return "første kontrollsiffer stemmer ikke";
    case FNR_ERR_CHECK2:
        return "andre kontrollsiffer stemmer ikke";
    case FNR_ERR_DATE:
        return "fødselsdatoen finnes ikke";
    case FNR_ERR_CENTURY:
        return "individnummeret passer ikke med fødselsåret";
    }
    return "ukjent feil i fødselsnummeret";
}

/* Individnummer ranges that resolve to the given year (see fnr_century_year). */
typedef struct FnrRange {
    int lo, hi;
} FnrRange;

static int fnr_ranges_for_year(int year, FnrRange ranges[2])
{
    if (year >= 1855 && year <= 1899) {
        ranges[0] = (FnrRange){500, 749};
        return 1;
    }
    if (year >= 1900 && year <= 1939) {
        ranges[0] = (FnrRange){0, 499};
        return 1;
    }
    if (year >= 1940 && year <= 1999) {
        ranges[0] = (FnrRange){0, 499};
        ranges[1] = (FnrRange){900, 999};
        return 2;
    }
    if (year >= 2000 && year <= 2039) {
        ranges[0] = (FnrRange){500, 999};
        return 1;
    }
    return 0;
}

/* Every range starts on an even number, so the index-th candidate with the
 * wanted parity is lo + 2 * index + parity. */
static int fnr_candidate(const FnrRange *ranges, int count, int parity, int index)
{
    for (int r = 0; r < count; r++) {
        int size = (ranges[r].hi - ranges[r].lo + 1) / 2;
        if (index < size)
            return ranges[r].lo + 2 * index + parity;
        index -= size;
    }
    return -1;
}

/* Fills out with the 11 digits for this individnummer; -1 on a check digit 10. */
static int fnr_compose(int day, int month, int year, int individ, char out[12])
{
    int fields[4] = {day, month + 80, year % 100, individ};
    out[0] = (char)('0' + fields[0] / 10);
    out[1] = (char)('0' + fields[0] % 10);
    out[2] = (char)('0' + fields[1] / 10);
    out[3] = (char)('0' + fields[1] % 10);
    out[4] = (char)('0' + fields[2] / 10);
    out[5] = (char)('0' + fields[2] % 10);
    out[6] = (char)('0' + fields[3] / 100);
    out[7] = (char)('0' + fields[3] / 10 % 10);
    out[8] = (char)('0' + fields[3] % 10);
    out[11] = '\0';
    return fnr_check_digits(out, out + 9);
}

int fnr_make_synthetic(int year, int month, int day, int male,
                       uint64_t (*next)(void *ctx), void *ctx, char out[12])
{
    FnrRange ranges[2] = {{0, 0}, {0, 0}};
    int range_count = fnr_ranges_for_year(year, ranges);
    int parity = male ? 1 : 0;
    int candidates = 0;
    int index = 0;

    if (!out || !next || range_count == 0)
        return -1;
    if (day < 1 || day > fnr_days_in_month(year, month))
        return -1;
    for (int r = 0; r < range_count; r++)
        candidates += (ranges[r].hi - ranges[r].lo + 1) / 2;

    /* Modulo on 64 bits over at most 300 candidates: bias below 2^-55. */
    for (int attempt = 0; attempt < FNR_DRAW_TRIES; attempt++) {
        index = (int)(next(ctx) % (uint64_t)candidates);
        int individ = fnr_candidate(ranges, range_count, parity, index);
        if (fnr_compose(day, month, year, individ, out) == 0)
            return 0;
    }
    /* Degenerate generator: walk on from the last draw so the result is still
     * a function of next() alone. */
    for (int step = 1; step <= candidates; step++) {
        int individ = fnr_candidate(ranges, range_count, parity, (index + step) % candidates);
        if (fnr_compose(day, month, year, individ, out) == 0)
            return 0;
    }
    out[0] = '\0';
    return -1;
}
