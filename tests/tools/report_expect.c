/* Test helper: checks a Skranken report against an expectation file, or compares
 * two reports outside their "wall" objects.
 *
 *   report_expect check REPORT EXPECT.json
 *   report_expect same REPORT_A REPORT_B
 *   report_expect inputs REPORT        prints the input log as an inputs file
 *   report_expect field REPORT NAME    prints a string or number field (a.b: nested)
 *   report_expect expect REPORT        prints an expectation that the report meets
 *                                      (for recording a playthrough as a test)
 *
 * EXPECT.json holds only what the test is about:
 *   {"grade": 5, "passed": true, "points": 15,
 *    "goals": {"hse3006.taushetsplikt": 6, ...},     earned points per goal
 *    "critical_errors": 1,                            how many (a number)
 *    "critical_errors_goals": ["hse3006.taushetsplikt"], their goals in order; [] = none
 *    "end_reason": "finish"}
 * Prints one line per difference; exit 0 if none, 1 otherwise, 2 on bad files. */
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cJSON *load(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: kan ikke åpne\n", path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    cJSON *j = cJSON_Parse(buf);
    free(buf);
    if (!j)
        fprintf(stderr, "%s: ikke gyldig JSON\n", path);
    return j;
}

static int failures;

static void fail(const char *fmt, const char *a, double x, double y)
{
    fprintf(stderr, fmt, a, x, y);
    failures++;
}

static int check(cJSON *report, cJSON *expect)
{
    cJSON *result = cJSON_GetObjectItem(report, "result");
    const char *numbers[] = {"grade", "points", "max", "critical_errors"};
    for (size_t i = 0; i < 4; i++) {
        cJSON *want = cJSON_GetObjectItem(expect, numbers[i]);
        if (!want || !cJSON_IsNumber(want))
            continue;
        cJSON *got = cJSON_GetObjectItem(result, numbers[i]);
        if (!cJSON_IsNumber(got) || got->valuedouble != want->valuedouble)
            fail("result.%s: %g, ventet %g\n", numbers[i], got ? got->valuedouble : -1,
                 want->valuedouble);
    }
    cJSON *passed = cJSON_GetObjectItem(expect, "passed");
    if (passed) {
        cJSON *got = cJSON_GetObjectItem(result, "passed");
        if (!got || cJSON_IsTrue(got) != cJSON_IsTrue(passed))
            fail("result.%s: %g, ventet %g\n", "passed", cJSON_IsTrue(got), cJSON_IsTrue(passed));
    }
    cJSON *reason = cJSON_GetObjectItem(expect, "end_reason");
    if (cJSON_IsString(reason)) {
        cJSON *got = cJSON_GetObjectItem(result, "end_reason");
        if (!cJSON_IsString(got) || strcmp(got->valuestring, reason->valuestring) != 0) {
            fprintf(stderr, "result.end_reason: %s, ventet %s\n",
                    cJSON_IsString(got) ? got->valuestring : "?", reason->valuestring);
            failures++;
        }
    }
    cJSON *goals = cJSON_GetObjectItem(expect, "goals");
    cJSON *g;
    cJSON_ArrayForEach(g, goals) {
        cJSON *found = NULL, *rg;
        cJSON_ArrayForEach(rg, cJSON_GetObjectItem(report, "goals")) {
            cJSON *id = cJSON_GetObjectItem(rg, "id");
            if (cJSON_IsString(id) && strcmp(id->valuestring, g->string) == 0)
                found = rg;
        }
        if (!found) {
            fprintf(stderr, "målet %s finnes ikke i rapporten\n", g->string);
            failures++;
            continue;
        }
        cJSON *earned = cJSON_GetObjectItem(found, "earned");
        if (!cJSON_IsNumber(earned) || earned->valuedouble != g->valuedouble)
            fail("goals[%s].earned: %g, ventet %g\n", g->string,
                 earned ? earned->valuedouble : -1, g->valuedouble);
    }
    cJSON *crit = cJSON_GetObjectItem(expect, "critical_errors_goals");
    if (cJSON_IsArray(crit)) {
        cJSON *got = cJSON_GetObjectItem(report, "critical_errors");
        int n = cJSON_GetArraySize(got);
        if (n != cJSON_GetArraySize(crit)) {
            fail("%sant kritiske feil: %g, ventet %g\n", "", n, cJSON_GetArraySize(crit));
        } else {
            for (int i = 0; i < n; i++) {
                cJSON *goal = cJSON_GetObjectItem(cJSON_GetArrayItem(got, i), "goal");
                cJSON *rule = cJSON_GetObjectItem(cJSON_GetArrayItem(got, i), "rule");
                const char *want = cJSON_GetArrayItem(crit, i)->valuestring;
                if (!cJSON_IsString(goal) || strcmp(goal->valuestring, want) != 0) {
                    fprintf(stderr, "kritisk feil %d gjelder %s, ventet %s\n", i + 1,
                            cJSON_IsString(goal) ? goal->valuestring : "?", want);
                    failures++;
                }
                if (!cJSON_IsString(rule) || !rule->valuestring[0]) {
                    fprintf(stderr, "kritisk feil %d mangler regel\n", i + 1);
                    failures++;
                }
            }
        }
    }
    return failures ? 1 : 0;
}

static int print_inputs(const char *path)
{
    cJSON *r = load(path);
    if (!r)
        return 2;
    cJSON *line;
    printf("# input log of %s\n", path);
    cJSON_ArrayForEach(line, cJSON_GetObjectItem(r, "inputs"))
        if (cJSON_IsString(line))
            printf("%s\n", line->valuestring);
    cJSON_Delete(r);
    return 0;
}

static int print_field(const char *path, const char *name)
{
    cJSON *r = load(path);
    if (!r)
        return 2;
    /* "scenario.id": one level of nesting per dot */
    cJSON *f = r;
    char part[64];
    for (const char *p = name; f && *p;) {
        size_t n = strcspn(p, ".");
        snprintf(part, sizeof part, "%.*s", (int)(n < 63 ? n : 63), p);
        f = cJSON_GetObjectItem(f, part);
        p += n + (p[n] == '.');
    }
    int rc = 0;
    if (cJSON_IsString(f))
        printf("%s\n", f->valuestring);
    else if (cJSON_IsNumber(f))
        printf("%.0f\n", f->valuedouble);
    else
        rc = 1;
    cJSON_Delete(r);
    return rc;
}

/* The expectation a recorded playthrough keeps: the result, each goal's earned
 * points and the goals of the critical errors, in the format check reads. */
static int print_expect(const char *path)
{
    cJSON *r = load(path);
    if (!r)
        return 2;
    cJSON *result = cJSON_GetObjectItem(r, "result");
    if (!cJSON_IsObject(result) || !cJSON_IsArray(cJSON_GetObjectItem(r, "goals"))) {
        fprintf(stderr, "%s: ikke en Skranken-rapport\n", path);
        cJSON_Delete(r);
        return 2;
    }
    cJSON *e = cJSON_CreateObject();
    const char *copy[] = {"grade", "passed", "points", "max", "end_reason"};
    for (size_t i = 0; i < sizeof copy / sizeof copy[0]; i++) {
        cJSON *v = cJSON_GetObjectItem(result, copy[i]);
        if (v)
            cJSON_AddItemToObject(e, copy[i], cJSON_Duplicate(v, 1));
    }
    cJSON *goals = cJSON_AddObjectToObject(e, "goals"), *g;
    cJSON_ArrayForEach(g, cJSON_GetObjectItem(r, "goals")) {
        cJSON *id = cJSON_GetObjectItem(g, "id"), *earned = cJSON_GetObjectItem(g, "earned");
        if (cJSON_IsString(id) && cJSON_IsNumber(earned))
            cJSON_AddNumberToObject(goals, id->valuestring, earned->valuedouble);
    }
    cJSON *crit = cJSON_AddArrayToObject(e, "critical_errors_goals"), *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItem(r, "critical_errors")) {
        cJSON *goal = cJSON_GetObjectItem(c, "goal");
        if (cJSON_IsString(goal))
            cJSON_AddItemToArray(crit, cJSON_CreateString(goal->valuestring));
    }
    char *text = cJSON_Print(e);
    printf("%s\n", text);
    free(text);
    cJSON_Delete(e);
    cJSON_Delete(r);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "expect") == 0)
        return print_expect(argv[2]);
    if (argc == 3 && strcmp(argv[1], "inputs") == 0)
        return print_inputs(argv[2]);
    if (argc == 4 && strcmp(argv[1], "field") == 0)
        return print_field(argv[2], argv[3]);
    if (argc != 4 || (strcmp(argv[1], "check") != 0 && strcmp(argv[1], "same") != 0)) {
        fprintf(stderr, "bruk: report_expect check REPORT EXPECT | same A B\n");
        return 2;
    }
    cJSON *a = load(argv[2]), *b = load(argv[3]);
    if (!a || !b)
        return 2;
    int rc;
    if (strcmp(argv[1], "check") == 0) {
        rc = check(a, b);
    } else {
        cJSON_DeleteItemFromObject(a, "wall");
        cJSON_DeleteItemFromObject(b, "wall");
        char *ta = cJSON_Print(a), *tb = cJSON_Print(b);
        rc = strcmp(ta, tb) != 0;
        if (rc)
            fprintf(stderr, "rapportene er ulike utenfor \"wall\"\n");
        free(ta);
        free(tb);
    }
    cJSON_Delete(a);
    cJSON_Delete(b);
    if (rc == 0)
        printf("ok\n");
    return rc;
}
