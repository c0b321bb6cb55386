/* Norwegian fødselsnummer: validation (mod 11), decoding, kinds, and synthetic
 * numbers for fictional patients. Rules: docs/fodselsnummer.md. */
#ifndef SKRANKEN_FNR_H
#define SKRANKEN_FNR_H

#include <stdint.h>

typedef enum FnrKind {
    FNR_ORDINARY = 0,  /* a real-range birth number: may belong to a real person */
    FNR_D_NUMBER,      /* day + 40 */
    FNR_H_NUMBER,      /* month + 40 (also NAV's synthetic range) */
    FNR_SYNTHETIC,     /* month + 80: Skatteetaten's synthetic test persons */
    FNR_SYNTHETIC_D    /* synthetic D-nummer: day + 40 and month + 80 */
} FnrKind;

typedef enum FnrError {
    FNR_OK = 0,
    FNR_ERR_LENGTH,    /* not exactly 11 characters */
    FNR_ERR_DIGITS,    /* a character that is not 0-9 */
    FNR_ERR_CHECK1,    /* first check digit wrong (or cannot exist) */
    FNR_ERR_CHECK2,    /* second check digit wrong (or cannot exist) */
    FNR_ERR_DATE,      /* no such date after removing the offsets */
    FNR_ERR_CENTURY    /* individnummer and year fit no century */
} FnrError;

typedef struct FnrInfo {
    FnrKind kind;
    int year, month, day; /* the decoded birth date */
    int male;             /* 1 if the 9th digit is odd */
} FnrInfo;

/* Validates an 11-digit number and decodes it. Returns FNR_OK and fills *info
 * (info may be NULL), or the first rule it breaks. */
FnrError fnr_parse(const char *text, FnrInfo *info);

/* A short bokmål sentence for an error code. */
const char *fnr_strerror(FnrError err);

/* Computes both check digits for the first nine digits. Returns 0, or -1 if a
 * check digit would be 10 (no number with these nine digits can exist). */
int fnr_check_digits(const char nine[9], char out[2]);

/* The century-resolved year for two-digit year yy and individnummer, or -1. */
int fnr_century_year(int yy, int individ);

/* Makes a valid synthetic number (month + 80) for the date and sex, drawing the
 * individnummer from next(ctx). Writes 11 digits and a NUL into out.
 * Returns 0, or -1 if the date cannot be expressed (year outside 1855-2039 or
 * no valid date). */
int fnr_make_synthetic(int year, int month, int day, int male,
                       uint64_t (*next)(void *ctx), void *ctx, char out[12]);

#endif
