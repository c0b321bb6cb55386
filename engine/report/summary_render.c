/* The summary as text (terminal), CSV (spreadsheets) and HTML (one file, no
 * scripts, nothing fetched). Names, titles and rules come from reports and are
 * untrusted: plain text gets its line breaks flattened, CSV cells are quoted
 * and cannot start a formula, HTML escapes every one of them. */
#include "summary_internal.h"
#include "core/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* qsort, but never handed a null array (an empty list may have none). */
static void sort_items(void *base, size_t count, size_t size,
                       int (*cmp)(const void *, const void *))
{
    if (count > 1)
        qsort(base, count, size, cmp);
}

/* ---------------------------------------------------------------- numbers */

/* earned / possible in whole percent, rounded half up (possible > 0). */
static int percent(int earned, int possible)
{
    return (int)(((long long)earned * 200 + possible) / ((long long)possible * 2));
}

static int percent_of(double fraction)
{
    return (int)(fraction * 100.0 + 0.5);
}

static const char *goal_id(const Summary *s, const GoalStats *g)
{
    return s->goals.names[g->goal];
}

static const char *trainee_name(const Summary *s, const TraineeStats *t)
{
    const char *n = s->names.names[t->name];
    return *n ? n : "(uten navn)";
}

/* The cell of trainee t for goal stats index g, or NULL. */
static const Cell *find_cell(const Summary *s, const TraineeStats *t, size_t g)
{
    size_t lo = t->cell_first, hi = t->cell_first + t->cell_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->cells[mid].goal == g)
            return &s->cells[mid];
        if (s->cells[mid].goal < g)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ---------------------------------------------------------------- text */

/* Characters (not bytes) in UTF-8 text. */
static size_t text_width(const char *text)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        n += (*p & 0xc0) != 0x80;
    return n;
}

/* text on one line, cut to width characters ("…" marks a cut), padded with
 * spaces on the right (left = 0: on the left) to width. */
static void add_cell(StrBuf *sb, const char *text, size_t width, int left)
{
    size_t w = text_width(text), shown = w > width ? width - 1 : w;
    if (!left)
        for (size_t i = shown + (w > width); i < width; i++)
            strbuf_add(sb, " ");
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; i < shown && *p; i++) {
        unsigned int cp;
        size_t n = summary_utf8_next(p, &cp);
        if (cp == '\t' || cp == '\n' || cp == '\r')
            strbuf_add(sb, " ");
        else
            strbuf_addn(sb, (const char *)p, n);
        p += n;
    }
    if (w > width)
        strbuf_add(sb, "…");
    if (left)
        for (size_t i = shown + (w > width); i < width; i++)
            strbuf_add(sb, " ");
}

/* Whole text on one line (line breaks and tabs as spaces). */
static void add_flat(StrBuf *sb, const char *text)
{
    for (const char *p = text; *p; p++)
        strbuf_addn(sb, (*p == '\n' || *p == '\r' || *p == '\t') ? " " : p, 1);
}

static void add_goal_label(StrBuf *sb, const Summary *s, const GoalStats *g)
{
    add_flat(sb, goal_id(s, g));
    if (g->code != NONE) {
        strbuf_add(sb, " (");
        add_flat(sb, s->texts.names[g->code]);
        strbuf_add(sb, ")");
    }
}

/* "67", "67(100)" when the best is higher, "!" after a critical error in the
 * latest attempt, "-" when not tried. */
static void cell_text(const Cell *c, char *buf, size_t size)
{
    if (!c) {
        snprintf(buf, size, "-");
        return;
    }
    int latest = percent(c->latest_earned, c->latest_possible);
    int best = percent(c->best_earned, c->best_possible);
    if (best != latest)
        snprintf(buf, size, "%d(%d)%s", latest, best, c->latest_critical ? "!" : "");
    else
        snprintf(buf, size, "%d%s", latest, c->latest_critical ? "!" : "");
}

#define NAME_WIDTH 24
#define CELL_WIDTH 9
#define COLUMNS_PER_BLOCK 6

static void text_missed(const Summary *s, StrBuf *sb)
{
    strbuf_addf(sb, "Mål klassen bommer mest på (siste resultat under %d %% eller kritisk feil i "
                    "målet):\n", SUMMARY_MASTERY_PERCENT);
    if (s->missed_count == 0) {
        strbuf_add(sb, "  ingen\n");
        return;
    }
    for (size_t i = 0; i < s->missed_count; i++) {
        const GoalStats *g = &s->goal_stats[s->missed[i]];
        StrBuf label;
        strbuf_init(&label);
        add_goal_label(&label, s, g);
        strbuf_addf(sb, "  %2zu. ", i + 1);
        add_cell(sb, label.data, 40, 1);
        strbuf_addf(sb, " %d av %d elever (%d %%), snitt siste %d %%\n", g->missed, g->trainees,
                    percent(g->missed, g->trainees), percent_of(g->mean_latest));
        strbuf_free(&label);
    }
}

static void text_matrix(const Summary *s, StrBuf *sb)
{
    strbuf_add(sb, "Elev × mål i prosent av målets poeng: siste forsøk, beste i parentes når den "
                   "er høyere;\n! = kritisk feil i målet i siste forsøk, - = ikke prøvd.\n");
    if (s->column_count == 0 || s->trainee_count == 0) {
        strbuf_add(sb, "  ingen resultater\n");
        return;
    }
    for (size_t c = 0; c < s->column_count; c++) {
        const GoalStats *g = &s->goal_stats[s->columns[c]];
        StrBuf label;
        strbuf_init(&label);
        add_goal_label(&label, s, g);
        strbuf_addf(sb, "  M%-3zu ", c + 1);
        add_cell(sb, label.data, 42, 1);
        if (g->title != NONE) {
            strbuf_add(sb, " ");
            add_flat(sb, s->texts.names[g->title]);
        }
        while (sb->len && sb->data[sb->len - 1] == ' ')
            sb->data[--sb->len] = '\0';
        strbuf_add(sb, "\n");
        strbuf_free(&label);
    }
    for (size_t first = 0; first < s->column_count; first += COLUMNS_PER_BLOCK) {
        size_t last = first + COLUMNS_PER_BLOCK;
        if (last > s->column_count)
            last = s->column_count;
        strbuf_add(sb, "\n");
        add_cell(sb, "Elev", NAME_WIDTH, 1);
        for (size_t c = first; c < last; c++) {
            char h[32];
            snprintf(h, sizeof h, "M%zu", c + 1);
            strbuf_add(sb, " ");
            add_cell(sb, h, CELL_WIDTH, 0);
        }
        strbuf_add(sb, "\n");
        for (size_t t = 0; t < s->trainee_count; t++) {
            const TraineeStats *tr = &s->trainees[t];
            add_cell(sb, trainee_name(s, tr), NAME_WIDTH, 1);
            for (size_t c = first; c < last; c++) {
                char v[32];
                cell_text(find_cell(s, tr, s->columns[c]), v, sizeof v);
                strbuf_add(sb, " ");
                add_cell(sb, v, CELL_WIDTH, 0);
            }
            strbuf_add(sb, "\n");
        }
    }
}

static void text_trainees(const Summary *s, StrBuf *sb)
{
    strbuf_add(sb, "Elever (snitt over målene eleven har prøvd):\n");
    add_cell(sb, "Elev", NAME_WIDTH, 1);
    strbuf_add(sb, "  Forsøk  Scenarioer  Snitt siste  Snitt beste  Kritiske feil\n");
    for (size_t t = 0; t < s->trainee_count; t++) {
        const TraineeStats *tr = &s->trainees[t];
        add_cell(sb, trainee_name(s, tr), NAME_WIDTH, 1);
        strbuf_addf(sb, "  %6d  %10d", tr->attempts, tr->scenarios);
        if (tr->mean_latest >= 0)
            strbuf_addf(sb, "  %9d %%  %9d %%", percent_of(tr->mean_latest),
                        percent_of(tr->mean_best));
        else
            strbuf_add(sb, "            -            -");
        strbuf_addf(sb, "  %13d\n", tr->criticals);
    }
}

static void text_scenarios(const Summary *s, StrBuf *sb)
{
    strbuf_add(sb, "Scenarioer (alle forsøk):\n");
    add_cell(sb, "Scenario", 30, 1);
    strbuf_add(sb, "  Forsøk  Elever  Snitt  Bestått  Karakter 1/2/3/4/5/6  Kritiske feil\n");
    for (size_t k = 0; k < s->scen_count; k++) {
        const ScenarioStats *sc = &s->scen[k];
        add_cell(sb, s->scenarios.names[sc->scenario], 30, 1);
        strbuf_addf(sb, "  %6d  %6d", sc->attempts, sc->trainees);
        if (sc->mean >= 0)
            strbuf_addf(sb, "  %3d %%", percent_of(sc->mean));
        else
            strbuf_add(sb, "      -");
        strbuf_addf(sb, "  %5d %%", percent(sc->passed, sc->attempts));
        char grades[64];
        snprintf(grades, sizeof grades, "%d/%d/%d/%d/%d/%d", sc->grades[1], sc->grades[2],
                 sc->grades[3], sc->grades[4], sc->grades[5], sc->grades[6]);
        strbuf_add(sb, "  ");
        add_cell(sb, grades, 20, 0);
        strbuf_addf(sb, "  %d", sc->criticals);
        if (sc->criticals)
            strbuf_addf(sb, " (i %d forsøk)", sc->critical_attempts);
        strbuf_add(sb, "\n");
    }
}

static void text_criticals(const Summary *s, StrBuf *sb)
{
    strbuf_add(sb, "Kritiske feil per mål (alle forsøk):\n");
    int any = 0;
    for (size_t g = 0; g < s->goal_count; g++) {
        const GoalStats *gs = &s->goal_stats[g];
        if (!gs->criticals)
            continue;
        any = 1;
        StrBuf label;
        strbuf_init(&label);
        add_goal_label(&label, s, gs);
        strbuf_add(sb, "  ");
        add_cell(sb, label.data, 42, 1);
        strbuf_addf(sb, " %d (%d %s)\n", gs->criticals, gs->critical_trainees,
                    gs->critical_trainees == 1 ? "elev" : "elever");
        strbuf_free(&label);
    }
    if (!any)
        strbuf_add(sb, "  ingen\n");
    strbuf_add(sb, "Kritiske feil per regel:\n");
    for (size_t r = 0; r < s->rule_count; r++) {
        const RuleStats *rs = &s->rules[r];
        strbuf_addf(sb, "  %d (%d %s), mål ", rs->count, rs->trainees,
                    rs->trainees == 1 ? "elev" : "elever");
        for (size_t k = 0; k < rs->goals.count; k++) {
            if (k)
                strbuf_add(sb, ", ");
            add_flat(sb, rs->goals.items[k]);
        }
        strbuf_add(sb, ":\n      ");
        add_flat(sb, rs->rule == NONE ? "(ingen regel oppgitt)" : s->texts.names[rs->rule]);
        strbuf_add(sb, "\n");
    }
    if (!s->rule_count)
        strbuf_add(sb, "  ingen\n");
}

void summary_render_text(const Summary *s, StrBuf *out)
{
    strbuf_addf(out, "Klasseoversikt: %zu %s, %zu %s, %zu %s\n", s->counted,
                s->counted == 1 ? "rapport" : "rapporter", s->trainee_count,
                s->trainee_count == 1 ? "elev" : "elever", s->scen_count,
                s->scen_count == 1 ? "scenario" : "scenarioer");
    if (s->skipped.count)
        strbuf_addf(out, "%zu %s hoppet over (se meldingene over).\n", s->skipped.count,
                    s->skipped.count == 1 ? "fil ble" : "filer ble");
    strbuf_add(out, "\n");
    text_missed(s, out);
    strbuf_add(out, "\n");
    text_matrix(s, out);
    strbuf_add(out, "\n");
    text_trainees(s, out);
    strbuf_add(out, "\n");
    text_scenarios(s, out);
    strbuf_add(out, "\n");
    text_criticals(s, out);
}

/* ---------------------------------------------------------------- CSV */

/* One field, RFC 4180: quoted when it holds ; " or a line break, quotes
 * doubled. A text that a spreadsheet would take for a formula (= + - @ first)
 * gets a ' in front. */
static void csv_field(StrBuf *sb, const char *text, int first)
{
    if (!first)
        strbuf_add(sb, ";");
    int formula = text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                  text[0] == '\t' || text[0] == '\r';
    int quote = strpbrk(text, ";\"\r\n") != NULL;
    if (quote)
        strbuf_add(sb, "\"");
    if (formula)
        strbuf_add(sb, "'");
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            strbuf_add(sb, "\"\"");
        else
            strbuf_addn(sb, p, 1);
    }
    if (quote)
        strbuf_add(sb, "\"");
}

static void csv_number(StrBuf *sb, int value)
{
    strbuf_addf(sb, ";%d", value);
}

void summary_render_csv(const Summary *s, StrBuf *out)
{
    strbuf_add(out, "\xEF\xBB\xBF"); /* BOM: Excel then reads UTF-8 */
    csv_field(out, "Elev", 1);
    csv_field(out, "Forsøk", 0);
    csv_field(out, "Kritiske feil", 0);
    csv_field(out, "Snitt siste %", 0);
    csv_field(out, "Snitt beste %", 0);
    for (size_t c = 0; c < s->column_count; c++) {
        const GoalStats *g = &s->goal_stats[s->columns[c]];
        for (int best = 0; best < 2; best++) {
            StrBuf h;
            strbuf_init(&h);
            strbuf_add(&h, goal_id(s, g));
            if (g->code != NONE)
                strbuf_addf(&h, " (%s)", s->texts.names[g->code]);
            strbuf_add(&h, best ? " beste %" : " siste %");
            csv_field(out, h.data, 0);
            strbuf_free(&h);
        }
    }
    strbuf_add(out, "\r\n");
    for (size_t t = 0; t < s->trainee_count; t++) {
        const TraineeStats *tr = &s->trainees[t];
        csv_field(out, s->names.names[tr->name], 1);
        csv_number(out, tr->attempts);
        csv_number(out, tr->criticals);
        if (tr->mean_latest >= 0) {
            csv_number(out, percent_of(tr->mean_latest));
            csv_number(out, percent_of(tr->mean_best));
        } else {
            strbuf_add(out, ";;");
        }
        for (size_t c = 0; c < s->column_count; c++) {
            const Cell *cell = find_cell(s, tr, s->columns[c]);
            if (cell) {
                csv_number(out, percent(cell->latest_earned, cell->latest_possible));
                csv_number(out, percent(cell->best_earned, cell->best_possible));
            } else {
                strbuf_add(out, ";;");
            }
        }
        strbuf_add(out, "\r\n");
    }
}

/* ---------------------------------------------------------------- HTML */

static void html(StrBuf *sb, const char *text)
{
    const char *run = text;
    for (const char *p = text; *p; p++) {
        const char *rep = NULL;
        switch (*p) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: break;
        }
        if (rep) {
            strbuf_addn(sb, run, (size_t)(p - run));
            strbuf_add(sb, rep);
            run = p + 1;
        }
    }
    strbuf_add(sb, run);
}

/* A path from the command line: made UTF-8 first. */
static void html_path(StrBuf *sb, const char *path)
{
    char *shown = summary_display_path(path);
    html(sb, shown);
    free(shown);
}

static void html_goal_label(StrBuf *sb, const Summary *s, const GoalStats *g)
{
    html(sb, goal_id(s, g));
    if (g->code != NONE) {
        strbuf_add(sb, " <span class=\"code\">(");
        html(sb, s->texts.names[g->code]);
        strbuf_add(sb, ")</span>");
    }
}

/* Six bands, the points-grade limits of docs/scoring.md, in ColorBrewer's
 * PuOr scheme (readable with the common colour-vision deficiencies); every
 * cell also shows its number. */
static int band(int pct)
{
    return pct >= 90 ? 6 : pct >= 75 ? 5 : pct >= 60 ? 4 : pct >= 45 ? 3 : pct >= 30 ? 2 : 1;
}

static const char css[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;"
    "margin:1.5em;color:#1a1a1a;background:#fff;line-height:1.4}\n"
    "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:2em;"
    "border-bottom:1px solid #ccc}\n"
    "p.meta{color:#444;margin-top:0}\n"
    "table{border-collapse:collapse;margin:.5em 0}\n"
    "th,td{padding:.25em .5em;text-align:left;vertical-align:bottom}\n"
    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "table.list tr:nth-child(even) td{background:#f4f4f4}\n"
    ".code{color:#555;font-weight:normal}\n"
    ".wrap{overflow:auto;max-height:80vh;border:1px solid #ccc}\n"
    "table.heat{font-variant-numeric:tabular-nums}\n"
    "table.heat th{background:#fff;position:sticky;top:0;z-index:1;font-weight:normal}\n"
    "table.heat th.goal{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;"
    "padding:.4em .2em;font-size:.85em}\n"
    "table.heat th.who{position:sticky;left:0;z-index:2;background:#fff;text-align:left;"
    "font-weight:normal;white-space:nowrap;vertical-align:middle}\n"
    "table.heat thead th.who{z-index:3;font-weight:bold}\n"
    "table.heat td{min-width:3em;text-align:center;border:1px solid #fff;padding:.2em .3em}\n"
    "table.heat td small{display:block;font-size:.75em}\n"
    ".b1{background:#b35806;color:#fff}.b2{background:#f1a340;color:#000}"
    ".b3{background:#fee0b6;color:#000}.b4{background:#d8daeb;color:#000}"
    ".b5{background:#998ec3;color:#000}.b6{background:#542788;color:#fff}"
    ".none{background:#f0f0f0;color:#777}\n"
    "td.crit{outline:3px solid #000;outline-offset:-3px;font-weight:bold}\n"
    ".legend span{display:inline-block;padding:.15em .6em;margin-right:.3em}\n"
    ".bar{background:#eee;width:20em;height:1.1em;position:relative}\n"
    ".bar div{position:absolute;left:0;top:0;bottom:0}\n"
    ".bar .best{background:#c9c1e3}.bar .latest{background:#542788;top:.25em;bottom:.25em}\n"
    "details{margin:.5em 0}ul.files{font-family:monospace;font-size:.9em}\n"
    "@media print{.wrap{max-height:none;overflow:visible}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static void html_missed(const Summary *s, StrBuf *sb)
{
    strbuf_addf(sb, "<h2 id=\"bommer\">Mål klassen bommer mest på</h2>\n"
                    "<p>Andelen elever der siste resultat i målet er under %d&nbsp;%% av "
                    "målets poeng, eller har en kritisk feil i målet.</p>\n",
                SUMMARY_MASTERY_PERCENT);
    if (s->missed_count == 0) {
        strbuf_add(sb, "<p>Ingen: alle har nådd grensen i sitt siste forsøk.</p>\n");
        return;
    }
    strbuf_add(sb, "<table class=\"list\"><thead><tr><th>Mål</th><th>Tittel</th>"
                   "<th class=\"n\">Bommer</th><th>Andel</th><th class=\"n\">Snitt siste</th>"
                   "</tr></thead><tbody>\n");
    for (size_t i = 0; i < s->missed_count; i++) {
        const GoalStats *g = &s->goal_stats[s->missed[i]];
        int share = percent(g->missed, g->trainees);
        strbuf_add(sb, "<tr><td>");
        html_goal_label(sb, s, g);
        strbuf_add(sb, "</td><td>");
        if (g->title != NONE)
            html(sb, s->texts.names[g->title]);
        strbuf_addf(sb, "</td><td class=\"n\">%d av %d</td><td><div class=\"bar\">"
                        "<div class=\"latest\" style=\"width:%d%%\"></div></div> %d&nbsp;%%</td>"
                        "<td class=\"n\">%d&nbsp;%%</td></tr>\n",
                    g->missed, g->trainees, share, share, percent_of(g->mean_latest));
    }
    strbuf_add(sb, "</tbody></table>\n");
}

static void html_matrix(const Summary *s, StrBuf *sb)
{
    strbuf_add(sb, "<h2 id=\"matrise\">Elev × mål</h2>\n"
                   "<p>Prosent av målets poeng i <strong>siste</strong> forsøk (fargen følger "
                   "dette tallet); «beste» står under når et tidligere forsøk var bedre. "
                   "<strong>!</strong> og svart ramme: kritisk feil i målet i siste forsøk. "
                   "– : ikke prøvd.</p>\n<p class=\"legend\">"
                   "<span class=\"b1\">0–29</span><span class=\"b2\">30–44</span>"
                   "<span class=\"b3\">45–59</span><span class=\"b4\">60–74</span>"
                   "<span class=\"b5\">75–89</span><span class=\"b6\">90–100</span>"
                   "<span class=\"none\">–</span></p>\n");
    if (s->column_count == 0 || s->trainee_count == 0) {
        strbuf_add(sb, "<p>Ingen resultater.</p>\n");
        return;
    }
    strbuf_add(sb, "<div class=\"wrap\"><table class=\"heat\"><thead><tr><th class=\"who\">"
                   "Elev</th>");
    for (size_t c = 0; c < s->column_count; c++) {
        const GoalStats *g = &s->goal_stats[s->columns[c]];
        strbuf_add(sb, "<th class=\"goal\" scope=\"col\" title=\"");
        if (g->title != NONE)
            html(sb, s->texts.names[g->title]);
        strbuf_add(sb, "\">");
        html_goal_label(sb, s, g);
        strbuf_add(sb, "</th>");
    }
    strbuf_add(sb, "</tr></thead><tbody>\n");
    for (size_t t = 0; t < s->trainee_count; t++) {
        const TraineeStats *tr = &s->trainees[t];
        strbuf_add(sb, "<tr><th class=\"who\" scope=\"row\">");
        html(sb, trainee_name(s, tr));
        strbuf_add(sb, "</th>");
        for (size_t c = 0; c < s->column_count; c++) {
            const Cell *cell = find_cell(s, tr, s->columns[c]);
            if (!cell) {
                strbuf_add(sb, "<td class=\"none\">–</td>");
                continue;
            }
            int latest = percent(cell->latest_earned, cell->latest_possible);
            int best = percent(cell->best_earned, cell->best_possible);
            strbuf_addf(sb, "<td class=\"b%d%s\">%d%s", band(latest),
                        cell->latest_critical ? " crit" : "", latest,
                        cell->latest_critical ? "!" : "");
            if (best != latest)
                strbuf_addf(sb, "<small>beste %d</small>", best);
            strbuf_add(sb, "</td>");
        }
        strbuf_add(sb, "</tr>\n");
    }
    strbuf_add(sb, "</tbody></table></div>\n");
}

static void html_trainees(const Summary *s, StrBuf *sb)
{
    strbuf_add(sb, "<h2 id=\"elever\">Elever</h2>\n<p>Snitt over målene eleven har prøvd: mørk "
                   "stolpe = siste forsøk, lys = beste.</p>\n"
                   "<table class=\"list\"><thead><tr><th>Elev</th><th>Snitt siste / beste</th>"
                   "<th class=\"n\">Forsøk</th><th class=\"n\">Scenarioer</th>"
                   "<th class=\"n\">Kritiske feil</th></tr></thead><tbody>\n");
    for (size_t t = 0; t < s->trainee_count; t++) {
        const TraineeStats *tr = &s->trainees[t];
        strbuf_add(sb, "<tr><td>");
        html(sb, trainee_name(s, tr));
        strbuf_add(sb, "</td><td>");
        if (tr->mean_latest >= 0) {
            int latest = percent_of(tr->mean_latest), best = percent_of(tr->mean_best);
            strbuf_addf(sb, "<div class=\"bar\"><div class=\"best\" style=\"width:%d%%\"></div>"
                            "<div class=\"latest\" style=\"width:%d%%\"></div></div> "
                            "%d&nbsp;%% / %d&nbsp;%%", best, latest, latest, best);
        } else {
            strbuf_add(sb, "–");
        }
        strbuf_addf(sb, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td>"
                        "<td class=\"n\">%d</td></tr>\n",
                    tr->attempts, tr->scenarios, tr->criticals);
    }
    strbuf_add(sb, "</tbody></table>\n");
}

static void html_scenarios(const Summary *s, StrBuf *sb)
{
    strbuf_add(sb, "<h2 id=\"scenarioer\">Scenarioer</h2>\n<p>Alle forsøk, øving og eksamen.</p>\n"
                   "<table class=\"list\"><thead><tr><th>Scenario</th><th>Tittel</th>"
                   "<th class=\"n\">Forsøk</th><th class=\"n\">Elever</th>"
                   "<th class=\"n\">Snitt</th><th class=\"n\">Bestått</th>"
                   "<th class=\"n\">Karakter 1</th><th class=\"n\">2</th><th class=\"n\">3</th>"
                   "<th class=\"n\">4</th><th class=\"n\">5</th><th class=\"n\">6</th>"
                   "<th class=\"n\">Kritiske feil</th><th>Versjoner</th></tr></thead><tbody>\n");
    for (size_t k = 0; k < s->scen_count; k++) {
        const ScenarioStats *sc = &s->scen[k];
        strbuf_add(sb, "<tr><td>");
        html(sb, s->scenarios.names[sc->scenario]);
        strbuf_add(sb, "</td><td>");
        html(sb, s->texts.names[sc->title]);
        strbuf_addf(sb, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td>", sc->attempts,
                    sc->trainees);
        if (sc->mean >= 0)
            strbuf_addf(sb, "<td class=\"n\">%d&nbsp;%%</td>", percent_of(sc->mean));
        else
            strbuf_add(sb, "<td class=\"n\">–</td>");
        strbuf_addf(sb, "<td class=\"n\">%d&nbsp;%%</td>", percent(sc->passed, sc->attempts));
        for (int g = 1; g <= 6; g++)
            strbuf_addf(sb, "<td class=\"n\">%d</td>", sc->grades[g]);
        strbuf_addf(sb, "<td class=\"n\">%d</td><td>", sc->criticals);
        for (size_t v = 0; v < sc->versions.count; v++) {
            if (v)
                strbuf_add(sb, ", ");
            html(sb, sc->versions.items[v]);
        }
        strbuf_add(sb, "</td></tr>\n");
    }
    strbuf_add(sb, "</tbody></table>\n");
}

static void html_criticals(const Summary *s, StrBuf *sb)
{
    strbuf_add(sb, "<h2 id=\"kritiske\">Kritiske feil</h2>\n<p>Alle forsøk.</p>\n"
                   "<h3>Per mål</h3>\n");
    int any = 0;
    for (size_t g = 0; g < s->goal_count; g++) {
        const GoalStats *gs = &s->goal_stats[g];
        if (!gs->criticals)
            continue;
        if (!any)
            strbuf_add(sb, "<table class=\"list\"><thead><tr><th>Mål</th><th>Tittel</th>"
                           "<th class=\"n\">Kritiske feil</th><th class=\"n\">Elever</th>"
                           "</tr></thead><tbody>\n");
        any = 1;
        strbuf_add(sb, "<tr><td>");
        html_goal_label(sb, s, gs);
        strbuf_add(sb, "</td><td>");
        if (gs->title != NONE)
            html(sb, s->texts.names[gs->title]);
        strbuf_addf(sb, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n",
                    gs->criticals, gs->critical_trainees);
    }
    strbuf_add(sb, any ? "</tbody></table>\n" : "<p>Ingen.</p>\n");
    strbuf_add(sb, "<h3>Per regel</h3>\n");
    if (!s->rule_count) {
        strbuf_add(sb, "<p>Ingen.</p>\n");
        return;
    }
    strbuf_add(sb, "<table class=\"list\"><thead><tr><th>Regel</th><th>Mål</th>"
                   "<th class=\"n\">Kritiske feil</th><th class=\"n\">Elever</th>"
                   "</tr></thead><tbody>\n");
    for (size_t r = 0; r < s->rule_count; r++) {
        const RuleStats *rs = &s->rules[r];
        strbuf_add(sb, "<tr><td>");
        if (rs->rule == NONE)
            strbuf_add(sb, "<em>(ingen regel oppgitt)</em>");
        else
            html(sb, s->texts.names[rs->rule]);
        strbuf_add(sb, "</td><td>");
        for (size_t k = 0; k < rs->goals.count; k++) {
            if (k)
                strbuf_add(sb, ", ");
            html(sb, rs->goals.items[k]);
        }
        strbuf_addf(sb, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n", rs->count,
                    rs->trainees);
    }
    strbuf_add(sb, "</tbody></table>\n");
}

static int cmp_path(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static void html_files(const Summary *s, StrBuf *sb)
{
    size_t n = s->attempt_count;
    const char **paths = sk_xmalloc((n ? n : 1) * sizeof *paths);
    for (size_t i = 0; i < n; i++)
        paths[i] = s->attempts[i].path;
    sort_items(paths, n, sizeof *paths, cmp_path);
    strbuf_addf(sb, "<h2 id=\"filer\">Filer</h2>\n<details><summary>%zu %s lest</summary>"
                    "<ul class=\"files\">\n", n, n == 1 ? "rapport" : "rapporter");
    for (size_t i = 0; i < n; i++) {
        strbuf_add(sb, "<li>");
        html_path(sb, paths[i]);
        strbuf_add(sb, "</li>\n");
    }
    strbuf_add(sb, "</ul></details>\n");
    free(paths);
    if (s->counted < n)
        strbuf_addf(sb, "<p>%zu av dem var samme forsøk som en annen fil og er telt én gang."
                        "</p>\n", n - s->counted);
    if (!s->skipped.count)
        return;
    strbuf_addf(sb, "<details open><summary>%zu %s hoppet over</summary><ul class=\"files\">\n",
                s->skipped.count, s->skipped.count == 1 ? "fil ble" : "filer ble");
    for (size_t i = 0; i < s->skipped.count; i++) {
        const char *item = s->skipped.items[i];
        const char *tab = strchr(item, '\t');
        strbuf_add(sb, "<li>");
        html_path(sb, tab ? tab + 1 : item); /* the message names the file */
        strbuf_add(sb, "</li>\n");
    }
    strbuf_add(sb, "</ul></details>\n");
}

static void html_notes(const Summary *s, StrBuf *sb)
{
    if (!s->notes.count)
        return;
    strbuf_addf(sb, "<details open><summary>%zu %s</summary><ul class=\"files\">\n",
                s->notes.count, s->notes.count == 1 ? "merknad" : "merknader");
    for (size_t i = 0; i < s->notes.count; i++) {
        strbuf_add(sb, "<li>");
        html_path(sb, s->notes.items[i]);
        strbuf_add(sb, "</li>\n");
    }
    strbuf_add(sb, "</ul></details>\n");
}

void summary_render_html(const Summary *s, const char *generated, StrBuf *out)
{
    strbuf_add(out, "<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>Klasseoversikt – Skranken</title>\n<style>\n");
    strbuf_add(out, css);
    strbuf_add(out, "</style>\n</head>\n<body>\n<h1>Klasseoversikt</h1>\n<p class=\"meta\">");
    strbuf_addf(out, "%zu %s, %zu %s, %zu %s. Laget ", s->counted,
                s->counted == 1 ? "rapport" : "rapporter", s->trainee_count,
                s->trainee_count == 1 ? "elev" : "elever", s->scen_count,
                s->scen_count == 1 ? "scenario" : "scenarioer");
    html(out, generated);
    strbuf_add(out, " med skranken summary.</p>\n<p><a href=\"#bommer\">Mål klassen bommer mest på</a> · "
                    "<a href=\"#matrise\">Elev × mål</a> · <a href=\"#elever\">Elever</a> · "
                    "<a href=\"#scenarioer\">Scenarioer</a> · "
                    "<a href=\"#kritiske\">Kritiske feil</a> · <a href=\"#filer\">Filer</a></p>\n");
    html_missed(s, out);
    html_matrix(s, out);
    html_trainees(s, out);
    html_scenarios(s, out);
    html_criticals(s, out);
    html_files(s, out);
    html_notes(s, out);
    strbuf_add(out, "</body>\n</html>\n");
}
