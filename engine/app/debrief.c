#include "debrief.h"

#include <string.h>

static void bar(FILE *out, int earned, int possible)
{
    int width = 10;
    int filled = possible > 0 ? (earned * width + possible / 2) / possible : 0;
    fputc('[', out);
    for (int i = 0; i < width; i++)
        fputc(i < filled ? '#' : '.', out);
    fputc(']', out);
}

/* One section: every scored decision of a kind, with its rule and the better action. */
static void print_scores(FILE *out, const EventLog *log, ScoreKind kind, const char *heading)
{
    char tb[16];
    int shown = 0;
    for (size_t i = 0; i < log->count; i++) {
        const Event *e = &log->items[i];
        if (e->kind != EVENT_SCORE || e->score_kind != kind)
            continue;
        if (!shown++)
            fprintf(out, "\n%s:\n", heading);
        fprintf(out, "  kl. %s: ", simtime_format(e->t, tb, sizeof tb));
        if (kind == SCORE_AWARD)
            fprintf(out, "+%d ", e->points);
        else if (kind == SCORE_DEDUCT)
            fprintf(out, "−%d ", e->points);
        fprintf(out, "%s\n", e->text);
        if (kind != SCORE_AWARD && e->rule)
            fprintf(out, "    Regel: %s\n", e->rule);
        if (kind != SCORE_AWARD && e->better)
            fprintf(out, "    Bedre: %s\n", e->better);
    }
}

void debrief_print(FILE *out, const Attempt *at, const char *report_path)
{
    const ScenarioMeta *m = scenario_meta(at->scenario);
    const Assessment *a = &at->assessment;
    const EventLog *log = &scenario_world(at->scenario)->log;

    fprintf(out, "Debrief: %s\n", m->title);
    fprintf(out, "Elev: %s · modus: %s · frø: %llu\n", at->trainee,
            at->exam ? "eksamen" : "øving", (unsigned long long)at->seed);
    fprintf(out, "Resultat: %d av %d poeng (%d %%) · karakter %d · %s\n", a->points, a->max,
            (assess_permille(a->points, a->max) + 5) / 10, a->grade,
            a->passed ? "bestått" : "ikke bestått");
    if (a->criticals && a->points_grade > 1)
        fprintf(out, "  (Poengene alene gir karakter %d, men en kritisk feil gir ikke bestått.)\n",
                a->points_grade);

    fprintf(out, "\nMål:\n");
    for (size_t i = 0; i < a->goal_count; i++) {
        const GoalResult *g = &a->goals[i];
        const CatalogGoal *cg = catalog_find(at->catalog, g->id);
        fputs("  ", out);
        bar(out, g->earned, g->possible);
        fprintf(out, " %2d/%-2d %s", g->earned, g->possible, cg ? cg->title : g->id);
        if (cg && cg->official_code)
            fprintf(out, " (%s)", cg->official_code);
        fprintf(out, "%s\n", g->criticals ? "  – KRITISK FEIL" : "");
        if (cg && cg->official_code && cg->official_title) /* a school's mapping */
            fprintf(out, "%21soffisielt kompetansemål %s: %s\n", "",
                    cg->official_code, cg->official_title);
    }

    print_scores(out, log, SCORE_CRITICAL, "Kritiske feil");
    print_scores(out, log, SCORE_DEDUCT, "Trekk");
    print_scores(out, log, SCORE_AWARD, "Dette gikk bra");

    if (report_path)
        fprintf(out, "\nRapporten er lagret i %s\n", report_path);
}
