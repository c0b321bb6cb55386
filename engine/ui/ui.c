/* The GUI's main loop: window, settings, events to widgets, simulated time, and
 * the scripted test driver. */
#include "ui_internal.h"
#include "font.h"
#include "core/alloc.h"
#include "core/file.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BASE_TEXT 17

int ui_display_available(char *why, size_t whysize)
{
    /* Without a display server SDL may wait on a console driver: decide from the
     * environment first, as a person would (SDL_VIDEODRIVER chooses explicitly). */
    const char *driver = getenv("SDL_VIDEODRIVER");
    if ((!driver || !*driver) && !getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY")) {
        snprintf(why, whysize, "verken DISPLAY eller WAYLAND_DISPLAY er satt");
        return 0;
    }
    if (!SDL_WasInit(SDL_INIT_VIDEO) && SDL_Init(SDL_INIT_VIDEO) != 0) {
        snprintf(why, whysize, "%s", SDL_GetError());
        return 0;
    }
    return 1; /* left open for ui_run: connecting to the display twice costs time */
}

/* Software rendering unless the user asks otherwise (the environment variables
 * SDL_RENDER_DRIVER and SDL_FRAMEBUFFER_ACCELERATION win over these hints): a
 * screen of text and panels redrawn only when something changes does not need
 * the GPU, and not loading the OpenGL driver makes the window open in a fraction
 * of the time and memory (docs/performance.md). */
static void choose_renderer(void)
{
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
}

unsigned long long ui_ticks(void)
{
    return SDL_GetTicks64();
}

void app_hit(App *app, const char *label, UiRect r)
{
    if (app->hit_count < (int)(sizeof app->hits_frame / sizeof app->hits_frame[0])) {
        UiHit *h = &app->hits_frame[app->hit_count++];
        snprintf(h->label, sizeof h->label, "%s", label);
        h->r = r;
    }
}

const char *app_person_name(App *app, const char *id)
{
    Scenario *sc = app->host->scenario(app->host->ctx);
    if (!sc || !id)
        return id ? id : "";
    if (strcmp(id, "trainee") == 0)
        return ui_text(S_WHO_TRAINEE);
    Person *p = world_person(scenario_world(sc), id);
    return p ? p->name : id;
}

void app_format_seconds(long s, char *buf, size_t size)
{
    if (s < 0)
        s = 0;
    snprintf(buf, size, "%ld:%02ld", s / 60, s % 60);
}

int app_is_ecg(const LabTask *t)
{
    return t && (strcmp(t->kind, "ecg") == 0 || strcmp(t->kind, "ekg") == 0);
}

/* ----------------------------------------------------------------- settings */

static void load_settings(App *app)
{
    const char *path = app->host->settings_path ? app->host->settings_path(app->host->ctx) : NULL;
    char *text = NULL, err[256];
    size_t len = 0;
    if (!path || file_read_all(path, 4096, &text, &len, err, sizeof err) != 0)
        return;
    int percent = 0, contrast = 0;
    if (sscanf(text, "text_percent=%d\ncontrast=%d", &percent, &contrast) == 2) {
        if (percent >= 70 && percent <= 200)
            app->text_percent = percent;
        app->contrast = contrast ? 1 : 0;
    }
    free(text);
}

static void save_settings(App *app)
{
    const char *path = app->host->settings_path ? app->host->settings_path(app->host->ctx) : NULL;
    if (!path)
        return;
    char text[128], err[256];
    int n = snprintf(text, sizeof text, "text_percent=%d\ncontrast=%d\n", app->text_percent,
                     app->contrast);
    if (file_replace(path, text, (size_t)n, err, sizeof err) != 0)
        fprintf(stderr, "skranken: innstillingene ble ikke lagret: %s\n", err);
}

static void apply_text_size(App *app)
{
    int px = (int)(BASE_TEXT * app->text_percent / 100.0 * app->pixel_ratio + 0.5);
    gfx_set_text_size(app->ui.g, px);
    app->ui.unit = gfx_text_size(app->ui.g);
    app->ui.theme = app->contrast ? &ui_theme_contrast : &ui_theme_normal;
}

/* ------------------------------------------------------------ attempt control */

SimTime app_sim_now(const App *app)
{
    if (!app->running)
        return 0;
    if (app->paused || app->frozen)
        return app->sim_anchor;
    unsigned long long now = SDL_GetTicks64();
    double wall = (double)(now - app->wall_anchor);
    return app->sim_anchor + (SimTime)(wall * app->speed);
}

void app_set_pause(App *app, int paused)
{
    if (!app->running || paused == app->paused)
        return;
    app->resumed_pause = 0;
    app->sim_anchor = app_sim_now(app);
    app->wall_anchor = SDL_GetTicks64();
    app->paused = paused;
    if (paused && app->exam) /* in exam mode a pause is recorded */
        app_act(app, ACTION_PAUSE, NULL, NULL, NULL, NULL);
    app->ui.dirty = 1;
}

void app_leave_exam(App *app)
{
    if (!app->in_exam)
        return;
    app->in_exam = 0;
    app->seed_override = 0;
    app->exam = app->opts.exam;
}

void app_fault(App *app, const char *message)
{
    snprintf(app->error, sizeof app->error, "%s", message);
    app->error_storage = 0;
    app->host->abandon(app->host->ctx); /* also ends an exam set under way */
    app_leave_exam(app);
    app->running = 0;
    app->screen = SCREEN_ERROR;
    app->ui.dirty = 1;
}

static void reset_desk(App *app)
{
    app->talk_to[0] = '\0';
    strbuf_clear(&app->typed);
    strbuf_clear(&app->amount);
    strbuf_clear(&app->search);
    strlist_free(&app->hits);
    app->searched = 0;
    app->tab = TAB_RECORD;
    app->tb_day = 0;
    app->tb_selected = app->tb_moving = 0;
    app->tb_patient = 0;
    app->msg_open[0] = app->lab_task[0] = app->lab_lead[0] = '\0';
    app->label_patient = 0;
    app->seen_scores = 0;
    app->feedback[0] = app->status[0] = app->notice[0] = '\0';
    app->feedback_kind = 0;
    app->notice_until = 0;
    app->scroll_tool = app->scroll_timeline = 0;
    app->paused = 0;
    app->resumed_pause = 0;
    app->frozen = 0;
}

/* The UI's half of a started attempt: the desk, its clock from the scenario's start. */
static void attempt_started(App *app)
{
    app->running = 1;
    app->speed = app->opts.speed > 0 ? app->opts.speed : 1.0;
    Scenario *sc = app->host->scenario(app->host->ctx);
    app->sim_anchor = scenario_world(sc)->clock.now;
    app->wall_anchor = SDL_GetTicks64();
    app->screen = SCREEN_DESK;
    app->ui.focus = 0;
    app->ui.dirty = 1;
}

int app_start_attempt(App *app, const char *path)
{
    char err[2048];
    uint64_t seed = app->seed_override ? app->seed_value
                    : app->opts.seed_given ? app->opts.seed
                                         : (app->exam ? 1 : (uint64_t)SDL_GetTicks64() ^
                                                                 (uint64_t)time(NULL) * 2654435761u);
    seed &= 0x1fffffffffffffULL; /* exact in JSON */
    reset_desk(app);
    /* Kept even if the start fails: F5 on the error screen tries the file again. */
    if (path != app->scenario_path)
        snprintf(app->scenario_path, sizeof app->scenario_path, "%s", path);
    app->seed = seed;
    app->reload_ok = !app->exam && !app->in_exam;
    int rc = app->host->start(app->host->ctx, path, strbuf_str(&app->name), app->exam, seed, err,
                              sizeof err);
    if (rc != 0) {
        app_fault(app, err);
        app->error_storage = rc == -2;
        return -1;
    }
    attempt_started(app);
    return 0;
}

/* After a resume: the conversation of the person the trainee last acted on, if
 * they can still be talked to (the desk otherwise shows the first). */
static void restore_talk_to(App *app)
{
    World *w = scenario_world(app->host->scenario(app->host->ctx));
    for (size_t i = w->log.count; i-- > 0;) {
        const Event *e = &w->log.items[i];
        if (e->kind != EVENT_ACTION)
            continue;
        const char *who = e->action.args[0];
        if (e->action.kind == ACTION_ANSWER || e->action.kind == ACTION_UNHOLD) {
            who = NULL; /* a line: the caller on it */
            for (size_t c = 0; c < w->call_count; c++)
                if (e->action.args[0] && w->calls[c].line == atoi(e->action.args[0]))
                    who = w->calls[c].caller;
        }
        if (who && world_person(w, who) && world_can_talk(w, who)) {
            snprintf(app->talk_to, sizeof app->talk_to, "%s", who);
            return;
        }
        if (e->action.kind == ACTION_ANSWER || e->action.kind == ACTION_SERVE ||
            e->action.kind == ACTION_CHOOSE || e->action.kind == ACTION_TYPE)
            return; /* the last conversation is over */
    }
}

int app_resume_attempt(App *app, size_t index)
{
    char err[2048];
    UiResumeOffer o;
    const UiHost *h = app->host;
    if (!h->resume || h->resume_offer(h->ctx, index, &o) != 0)
        return -1;
    reset_desk(app);
    app->resume_confirm = 0;
    int r = h->resume(h->ctx, index, err, sizeof err);
    if (r < 0) { /* the host keeps the offer with err as its problem */
        app->screen = SCREEN_LIBRARY;
        app->resume_skip = (size_t)index; /* shown again, with its problem */
        app->ui.dirty = 1;
        return -1;
    }
    /* the attempt's own trainee and mode; a set's task goes on alone */
    strbuf_clear(&app->name);
    strbuf_add(&app->name, o.trainee);
    app_leave_exam(app);
    app->exam = o.exam;
    app->reload_ok = !o.exam;
    snprintf(app->scenario_path, sizeof app->scenario_path, "%s", o.scenario_path);
    app->seed = o.seed;
    attempt_started(app);
    restore_talk_to(app);
    /* The clock stands at the last action until the trainee is ready. Not a
     * recorded pause: the report must be the one an uninterrupted attempt gives. */
    app->paused = 1;
    app->resumed_pause = 1;
    if (r == 1) /* the trainee had asked to finish: the report was not saved yet */
        app_finish_attempt(app);
    return 0;
}

int app_can_reload(const App *app)
{
    return app->host->reload && app->reload_ok && !app->exam && !app->in_exam &&
           (app->screen == SCREEN_DESK || app->screen == SCREEN_DEBRIEF ||
            app->screen == SCREEN_ERROR);
}

/* F5: the scenario file read again from disk, the same trainee, seed and mode;
 * the attempt on screen is dropped without a report (the host does both). */
void app_reload_attempt(App *app)
{
    char err[2048];
    if (!app_can_reload(app))
        return;
    app->running = 0;
    reset_desk(app);
    int rc = app->host->reload(app->host->ctx, err, sizeof err);
    if (rc != 0) {
        app_fault(app, err);
        app->error_storage = rc == -2;
        return;
    }
    attempt_started(app);
    const char *base = strrchr(app->scenario_path, '/');
    snprintf(app->notice, sizeof app->notice, "%s: %.400s", ui_text(S_RELOADED),
             base ? base + 1 : app->scenario_path);
    app->notice_until = SDL_GetTicks64() + 10000;
}

/* After each task of an exam set: the next one, or the result. */
static void app_exam_advance(App *app)
{
    int time_up = SDL_GetTicks64() >= app->exam_deadline;
    if (!time_up && app->host->exam_next(app->host->ctx, app->exam_next_path,
                                         sizeof app->exam_next_path, &app->exam_next_seed,
                                         &app->exam_number, &app->exam_count)) {
        app->screen = SCREEN_EXAM_NEXT;
    } else {
        app->host->exam_end(app->host->ctx, &app->exam_summary);
        app->in_exam = 0;
        app->seed_override = 0;
        app->exam = app->opts.exam;
        app->screen = SCREEN_EXAM_SUMMARY;
    }
    app->ui.focus = 0;
    app->ui.dirty = 1;
}

void app_exam_begin(App *app, size_t index)
{
    char err[512];
    app->reload_ok = 0; /* an exam is never reloaded */
    app->report_error[0] = '\0';
    if (app->host->exam_begin(app->host->ctx, index, strbuf_str(&app->name), err, sizeof err) != 0) {
        app_fault(app, err);
        return;
    }
    app->in_exam = 1;
    app->exam = 1;
    app->exam_deadline =
        SDL_GetTicks64() + (unsigned long long)app->host->exam_minutes(app->host->ctx) * 60000ULL;
    app_exam_advance(app);
}

void app_exam_start_next(App *app)
{
    app->seed_override = 1;
    app->seed_value = app->exam_next_seed;
    app->exam = 1;
    app_start_attempt(app, app->exam_next_path);
}

void app_finish_attempt(App *app)
{
    char err[2048];
    app->report_path[0] = app->report_error[0] = '\0';
    int rc = app->host->finish(app->host->ctx, app->report_path, sizeof app->report_path, err,
                               sizeof err);
    app->running = 0;
    if (rc == -1) {
        app_fault(app, err);
        return;
    }
    if (rc == -2)
        snprintf(app->report_error, sizeof app->report_error, "%.500s", err);
    if (app->in_exam) { /* no results until the whole set is done */
        app_exam_advance(app);
        return;
    }
    app->screen = SCREEN_DEBRIEF;
    app->scroll_timeline = 0;
    app->ui.focus = 0;
    app->ui.dirty = 1;
}

int app_act(App *app, ActionKind kind, const char *a0, const char *a1, const char *a2,
            const char *a3)
{
    if (!app->running)
        return -1;
    const char *args[ACTION_MAX_ARGS] = {a0, a1, a2, a3};
    char err[512];
    Action a;
    Scenario *sc = app->host->scenario(app->host->ctx);
    SimTime t = app_sim_now(app);
    if (t < scenario_world(sc)->clock.now)
        t = scenario_world(sc)->clock.now;
    if (action_make(&a, kind, t, args, err, sizeof err) != 0) {
        snprintf(app->status, sizeof app->status, "%s: %.400s", ui_text(S_MISMATCH), err);
        app->ui.dirty = 1;
        return -1;
    }
    UiActResult r = app->host->act(app->host->ctx, &a, err, sizeof err);
    action_free(&a);
    app->ui.dirty = 1;
    if (r == UI_ACT_FAULT) {
        app_fault(app, err);
        return -1;
    }
    if (r == UI_ACT_MISMATCH) {
        snprintf(app->status, sizeof app->status, "%s: %.400s", ui_text(S_MISMATCH), err);
        return -1;
    }
    if (r == UI_ACT_NOT_SAVED) { /* nothing happened; the trainee may try again */
        snprintf(app->status, sizeof app->status, "%s: %.400s", ui_text(S_NOT_SAVED), err);
        return -1;
    }
    app->status[0] = '\0';
    return 0;
}

/* ------------------------------------------------------------- test driver */

typedef struct Driver {
    FILE *f;
    int line;
    char pending[512];        /* a wait_until line still waiting */
    unsigned long long deadline;
    int settle;               /* frames to let pass before the next line */
    int failed;
} Driver;

static int condition_met(App *app, const char *cond)
{
    Scenario *sc = app->running ? app->host->scenario(app->host->ctx) : NULL;
    World *w = sc ? scenario_world(sc) : NULL;
    char word[64] = "", arg[128] = "";
    sscanf(cond, "%63s %127s", word, arg);
    if (strcmp(word, "screen") == 0) {
        const char *names[] = {"library", "desk", "debrief", "error", "exam_next", "exam_summary"};
        return strcmp(names[app->screen], arg) == 0;
    }
    if (strcmp(word, "file") == 0) { /* another process says it is done (hot reload test) */
        const char *path = cond + strlen("file");
        path += strspn(path, " ");
        return *path && file_exists(path);
    }
    if (!w)
        return 0;
    if (strcmp(word, "ringing") == 0) {
        for (size_t i = 0; i < w->call_count; i++)
            if (w->calls[i].state == CALL_RINGING)
                return 1;
        return 0;
    }
    if (strcmp(word, "prompt") == 0)
        return world_prompt(w, arg) != NULL;
    if (strcmp(word, "waiting") == 0) {
        Visit *v = world_visit(w, arg);
        return v && v->state == VISIT_WAITING;
    }
    if (strcmp(word, "message") == 0)
        return world_find_message(w, arg) != NULL;
    if (strcmp(word, "task") == 0)
        return world_task(w, arg) != NULL;
    if (strcmp(word, "time") == 0) {
        SimTime t = 0;
        return simtime_parse(arg, &t) == 0 && app_sim_now(app) >= t;
    }
    return 0;
}

static void push_key(SDL_Keycode key, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = key;
    e.key.keysym.mod = mod;
    e.key.state = SDL_PRESSED;
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
}

static void push_click(App *app, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    /* events carry window coordinates */
    int wx = (int)(x / app->pixel_ratio), wy = (int)(y / app->pixel_ratio);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = wx;
    e.motion.y = wy;
    SDL_PushEvent(&e);
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = wx;
    e.button.y = wy;
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP;
    SDL_PushEvent(&e);
}

static int save_screenshot(App *app, SDL_Renderer *r, const char *path)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, app->width, app->height, 32,
                                                    SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return -1;
    int rc = SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch);
    if (rc == 0)
        rc = SDL_SaveBMP(s, path);
    SDL_FreeSurface(s);
    return rc;
}

/* Runs driver lines until one has to wait. Returns 1 while the driver wants
 * frames soon. */
static int drive(App *app, Driver *d)
{
    char line[512];
    if (d->settle > 0) { /* let the last input be handled and drawn */
        d->settle--;
        app->ui.dirty = 1;
        return 1;
    }
    for (;;) {
        if (d->pending[0]) {
            if (condition_met(app, d->pending)) {
                d->pending[0] = '\0';
                d->settle = 1; /* let the screen be drawn before the next line */
                app->ui.dirty = 1;
                return 1;
            } else if (SDL_GetTicks64() > d->deadline) {
                fprintf(stderr, "skranken: testskript linje %d: ventet forgjeves på «%s»\n",
                        d->line, d->pending);
                d->failed = 1;
                app->quit = 1;
                return 0;
            } else {
                return 1;
            }
        }
        if (!fgets(line, sizeof line, d->f)) {
            fclose(d->f);
            d->f = NULL;
            return 0;
        }
        d->line++;
        line[strcspn(line, "\r\n")] = '\0';
        char cmd[32] = "", rest[480] = "";
        if (sscanf(line, "%31s %479[^\n]", cmd, rest) < 1 || cmd[0] == '#')
            continue;
        if (strcmp(cmd, "wait_until") == 0) {
            snprintf(d->pending, sizeof d->pending, "%s", rest);
            d->deadline = SDL_GetTicks64() + 60000;
        } else if (strcmp(cmd, "key") == 0) {
            Uint16 mod = 0;
            char *name = rest;
            if (strncmp(name, "ctrl+", 5) == 0) {
                mod = KMOD_CTRL;
                name += 5;
            } else if (strncmp(name, "shift+", 6) == 0) {
                mod = KMOD_SHIFT;
                name += 6;
            }
            SDL_Keycode k = SDL_GetKeyFromName(name);
            if (k == SDLK_UNKNOWN) {
                fprintf(stderr, "skranken: testskript linje %d: ukjent tast «%s»\n", d->line, name);
                d->failed = 1;
                app->quit = 1;
                return 0;
            }
            push_key(k, mod);
            if (strlen(name) == 1 && name[0] > ' ' && !(mod & KMOD_CTRL)) {
                /* a printable key also types its character, as a keyboard does */
                SDL_Event e;
                memset(&e, 0, sizeof e);
                e.type = SDL_TEXTINPUT;
                e.text.text[0] = name[0];
                SDL_PushEvent(&e);
            }
            d->settle = 2;
            return 1; /* one input per frame, like a person */
        } else if (strcmp(cmd, "text") == 0) {
            SDL_Event e;
            memset(&e, 0, sizeof e);
            e.type = SDL_TEXTINPUT;
            snprintf(e.text.text, sizeof e.text.text, "%.31s", rest);
            SDL_PushEvent(&e);
            d->settle = 2;
            return 1;
        } else if (strcmp(cmd, "click") == 0) {
            int found = 0;
            for (int i = 0; i < app->hit_count && !found; i++)
                if (strcmp(app->hits_frame[i].label, rest) == 0) {
                    UiRect hr = app->hits_frame[i].r;
                    push_click(app, hr.x + hr.w / 2, hr.y + hr.h / 2);
                    d->settle = 2;
                    found = 1;
                }
            if (!found) {
                fprintf(stderr, "skranken: testskript linje %d: finner ingen knapp «%s»\n",
                        d->line, rest);
                d->failed = 1;
                app->quit = 1;
                return 0;
            }
            return 1;
        } else if (strcmp(cmd, "freeze") == 0) {
            /* Stop the clock at a simulated time, for screenshots that must not
             * depend on how fast the machine is. */
            SimTime t = 0;
            char err[1024];
            if (!app->running || simtime_parse(rest, &t) != 0 || t < app_sim_now(app) ||
                app->host->advance(app->host->ctx, t, err, sizeof err) != 0) {
                fprintf(stderr, "skranken: testskript linje %d: kan ikke fryse klokka på «%s»\n",
                        d->line, rest);
                d->failed = 1;
                app->quit = 1;
                return 0;
            }
            app->frozen = 1;
            app->sim_anchor = t;
            app->ui.dirty = 1;
            d->settle = 1;
            return 1;
        } else if (strcmp(cmd, "hide_paths") == 0) {
            app->hide_paths = 1;
        } else if (strcmp(cmd, "expect_text") == 0) {
            /* a line of text on the last frame drawn contains rest */
            if (!rest[0] || !strstr(gfx_frame_text(app->ui.g), rest)) {
                fprintf(stderr, "skranken: testskript linje %d: fant ikke «%s» på skjermen\n",
                        d->line, rest);
                d->failed = 1;
                app->quit = 1;
                return 0;
            }
        } else if (strcmp(cmd, "dump_text") == 0) {
            /* the text lines of the last frame drawn, to a file (replaced atomically) */
            const char *text = gfx_frame_text(app->ui.g);
            char err[512];
            if (file_replace(rest, text, strlen(text), err, sizeof err) != 0) {
                fprintf(stderr, "skranken: testskript linje %d: %s\n", d->line, err);
                d->failed = 1;
                app->quit = 1;
                return 0;
            }
        } else if (strcmp(cmd, "screenshot") == 0) {
            snprintf(app->screenshot, sizeof app->screenshot, "%s", rest);
            app->ui.dirty = 1;
            return 1; /* saved after the next frame is drawn */
        } else if (strcmp(cmd, "quit") == 0) {
            app->quit = 1;
            return 0;
        } else {
            fprintf(stderr, "skranken: testskript linje %d: ukjent kommando «%s»\n", d->line, cmd);
            d->failed = 1;
            app->quit = 1;
            return 0;
        }
    }
}

/* --------------------------------------------------------------- main loop */

static UiKey key_of(SDL_Keycode k, Uint16 mod)
{
    switch (k) {
    case SDLK_TAB: return (mod & KMOD_SHIFT) ? UI_KEY_BACKTAB : UI_KEY_TAB;
    case SDLK_RETURN: case SDLK_KP_ENTER: return UI_KEY_ENTER;
    case SDLK_SPACE: return UI_KEY_SPACE;
    case SDLK_ESCAPE: return UI_KEY_ESCAPE;
    case SDLK_BACKSPACE: return UI_KEY_BACKSPACE;
    case SDLK_UP: return UI_KEY_UP;
    case SDLK_DOWN: return UI_KEY_DOWN;
    case SDLK_LEFT: return UI_KEY_LEFT;
    case SDLK_RIGHT: return UI_KEY_RIGHT;
    case SDLK_PAGEUP: return UI_KEY_PAGEUP;
    case SDLK_PAGEDOWN: return UI_KEY_PAGEDOWN;
    default: return UI_KEY_NONE;
    }
}

/* Keys that work on a whole screen, before widgets see them. Returns 1 if used. */
static int global_key(App *app, SDL_Keycode k, Uint16 mod)
{
    if ((mod & KMOD_CTRL) && (k == SDLK_PLUS || k == SDLK_EQUALS || k == SDLK_KP_PLUS)) {
        app->text_percent = app->text_percent + 10 > 200 ? 200 : app->text_percent + 10;
    } else if ((mod & KMOD_CTRL) && (k == SDLK_MINUS || k == SDLK_KP_MINUS)) {
        app->text_percent = app->text_percent - 10 < 70 ? 70 : app->text_percent - 10;
    } else if ((mod & KMOD_CTRL) && k == SDLK_0) {
        app->text_percent = 100;
    } else if (k == SDLK_F12) {
        app->contrast = !app->contrast;
    } else {
        return 0;
    }
    apply_text_size(app);
    save_settings(app);
    return 1;
}

/* F5 on the desk, debrief or error screen of a practice attempt: hot reload.
 * Anywhere else, and in exam mode, F5 does nothing. Returns 1 if used. */
static int reload_key(App *app, SDL_Keycode k, Uint16 mod)
{
    if (k != SDLK_F5 || (mod & (KMOD_CTRL | KMOD_ALT | KMOD_SHIFT | KMOD_GUI)) ||
        !app_can_reload(app))
        return 0;
    app_reload_attempt(app);
    return 1;
}

/* Desk shortcuts (shown on the buttons). Returns 1 if used. */
static int desk_key(App *app, SDL_Keycode k)
{
    if (app->screen != SCREEN_DESK || !app->running)
        return 0;
    if (k == SDLK_ESCAPE) {
        app_set_pause(app, !app->paused);
        return 1;
    }
    if (app->paused)
        return 0;
    Scenario *sc = app->host->scenario(app->host->ctx);
    World *w = scenario_world(sc);
    char line[4];
    switch (k) {
    case SDLK_F2:
        for (size_t i = 0; i < w->call_count; i++)
            if (w->calls[i].state == CALL_RINGING) {
                snprintf(line, sizeof line, "%d", w->calls[i].line);
                if (app_act(app, ACTION_ANSWER, line, NULL, NULL, NULL) == 0)
                    snprintf(app->talk_to, sizeof app->talk_to, "%s", w->calls[i].caller);
                return 1;
            }
        return 1;
    case SDLK_F3:
    case SDLK_F4: {
        Call *c = world_call_of(w, app->talk_to);
        if (!c || (c->state != CALL_TALKING && c->state != CALL_ON_HOLD))
            for (size_t i = 0; i < w->call_count && (!c || c->state > CALL_ON_HOLD); i++)
                if (w->calls[i].state == CALL_TALKING || w->calls[i].state == CALL_ON_HOLD)
                    c = &w->calls[i];
        if (!c || c->state == CALL_RINGING || c->state > CALL_ON_HOLD)
            return 1;
        snprintf(line, sizeof line, "%d", c->line);
        if (k == SDLK_F4)
            app_act(app, ACTION_HANG_UP, line, NULL, NULL, NULL);
        else
            app_act(app, c->state == CALL_ON_HOLD ? ACTION_UNHOLD : ACTION_HOLD, line, NULL, NULL,
                    NULL);
        return 1;
    }
    case SDLK_F6: app->tab = TAB_RECORD; return 1;
    case SDLK_F7: app->tab = TAB_TIMEBOK; return 1;
    case SDLK_F8: app->tab = TAB_INBOX; return 1;
    case SDLK_F9: app->tab = TAB_LAB; return 1;
    case SDLK_F11:
        app_act(app, w->screen_locked ? ACTION_UNLOCK_SCREEN : ACTION_LOCK_SCREEN, NULL, NULL,
                NULL, NULL);
        return 1;
    default:
        return 0;
    }
}

static void draw(App *app)
{
    const UiTheme *t = app->ui.theme;
    app->hit_count = 0;
    gfx_clear(app->ui.g, t->bg);
    switch (app->screen) {
    case SCREEN_LIBRARY: screen_library(app); break;
    case SCREEN_DESK: screen_desk(app); break;
    case SCREEN_DEBRIEF: screen_debrief(app); break;
    case SCREEN_ERROR: screen_error(app); break;
    case SCREEN_EXAM_NEXT: screen_exam_next(app); break;
    case SCREEN_EXAM_SUMMARY: screen_exam_summary(app); break;
    }
    gfx_end_frame(app->ui.g);
}

/* How long to sleep before something on screen changes by itself. */
static int next_wake_ms(App *app)
{
    if (app->screen == SCREEN_EXAM_NEXT)
        return 1000; /* the exam clock counts down */
    if (app->screen != SCREEN_DESK || !app->running || app->paused || app->frozen)
        return app->feedback_until || app->notice_until ? 500 : -1;
    Scenario *sc = app->host->scenario(app->host->ctx);
    SimTime now = app_sim_now(app);
    SimTime next = scenario_next_event(sc);
    /* the clock shows seconds: wake at the next simulated second */
    SimTime second = (now / 1000 + 1) * 1000;
    if (second < next)
        next = second;
    double ms = (double)(next - now) / app->speed;
    if (ms < 1)
        ms = 1;
    if (ms > 1000)
        ms = 1000;
    return (int)ms;
}

static long long monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* The benchmark's frame log (tools/bench.sh): how long each frame took, from the
 * moment the loop woke (input, simulated time, drawing) until it was presented. */
typedef struct FrameLog {
    FILE *f;
    long long woke;
} FrameLog;

static const char *screen_name(Screen s)
{
    switch (s) {
    case SCREEN_LIBRARY: return "library";
    case SCREEN_DESK: return "desk";
    case SCREEN_DEBRIEF: return "debrief";
    default: return "other";
    }
}

int ui_run(const UiOptions *opts, const UiHost *host)
{
    App *app = sk_xcalloc(1, sizeof *app);
    int rc = 2;
    SDL_Window *win = NULL;
    SDL_Renderer *ren = NULL;
    Driver driver = {0};
    FrameLog frames = {0};
    int presented = 0;
    app->host = host;
    app->opts = *opts;
    app->text_percent = 100;
    app->exam = opts->exam;
    strbuf_init(&app->name);
    if (opts->trainee)
        strbuf_add(&app->name, opts->trainee);
    ui_set_language(opts->lang);
    load_settings(app);

    choose_renderer();
    if (!SDL_WasInit(SDL_INIT_VIDEO) && SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "skranken: ingen skjerm tilgjengelig (%s); bruk «skranken run» uten "
                        "vindu\n",
                SDL_GetError());
        free(app);
        return 2;
    }
    if (opts->script_path) {
        driver.f = fopen(opts->script_path, "r");
        if (!driver.f) {
            fprintf(stderr, "skranken: %s: kan ikke åpne testskriptet\n", opts->script_path);
            goto done;
        }
    }
    if (opts->frame_log) {
        frames.f = fopen(opts->frame_log, "w");
        if (!frames.f) {
            fprintf(stderr, "skranken: %s: kan ikke skrive bildeloggen\n", opts->frame_log);
            goto done;
        }
        fputs("# screen microseconds (skranken play --frame-log)\n", frames.f);
    }
    win = SDL_CreateWindow(ui_text(S_APP_TITLE), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                           opts->width > 0 ? opts->width : 1280,
                           opts->height > 0 ? opts->height : 720,
                           SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!win) {
        fprintf(stderr, "skranken: kan ikke åpne vindu (%s); bruk «skranken run» uten vindu\n",
                SDL_GetError());
        goto done;
    }
    ren = SDL_CreateRenderer(win, -1, 0);
    if (!ren)
        ren = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    if (!ren) {
        fprintf(stderr, "skranken: kan ikke tegne i vinduet (%s)\n", SDL_GetError());
        goto done;
    }
    char err[512];
    const char *font = ui_font_path();
    if (ui_font_check(font, err, sizeof err) != 0) {
        fprintf(stderr, "skranken: %s\n", err);
        goto done;
    }
    app->ui.g = gfx_new(ren, font, ui_font_bold_path(), err, sizeof err);
    if (!app->ui.g) {
        fprintf(stderr, "skranken: %s\n", err);
        goto done;
    }
    {
        int ww = 0, wh = 0;
        SDL_GetWindowSize(win, &ww, &wh);
        SDL_GetRendererOutputSize(ren, &app->width, &app->height);
        app->pixel_ratio = ww > 0 ? (double)app->width / ww : 1.0;
    }
    apply_text_size(app);
    gfx_record_text(app->ui.g, driver.f != NULL); /* for expect_text and dump_text */
    SDL_StartTextInput();
    host->library_refresh(host->ctx, strbuf_str(&app->name));
    app->screen = SCREEN_LIBRARY;
    if (opts->scenario_path)
        app_start_attempt(app, opts->scenario_path);
    else if (opts->resume_first)
        app_resume_attempt(app, 0);

    int need_draw = 1;
    UiInput in;
    while (!app->quit) {
        memset(&in, 0, sizeof in);
        in.mouse_x = app->ui.in.mouse_x;
        in.mouse_y = app->ui.in.mouse_y;
        SDL_Event e;
        int wait = need_draw || frames.f ? 0 : next_wake_ms(app);
        int driving = driver.f && drive(app, &driver);
        if (app->quit)
            break;
        if (driving && (wait < 0 || wait > 15))
            wait = 15;
        int got = wait < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, wait);
        if (frames.f)
            frames.woke = monotonic_ns();
        /* Take one input event per frame, so every key and click lands on the
         * widgets as they are drawn. */
        int handled_input = 0;
        while (got) {
            switch (e.type) {
            case SDL_QUIT:
                app->quit = 1;
                break;
            case SDL_WINDOWEVENT:
                if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
                    e.window.event == SDL_WINDOWEVENT_EXPOSED) {
                    int ww = 0, wh = 0;
                    SDL_GetWindowSize(win, &ww, &wh);
                    SDL_GetRendererOutputSize(ren, &app->width, &app->height);
                    double ratio = ww > 0 ? (double)app->width / ww : 1.0;
                    if (ratio != app->pixel_ratio) {
                        app->pixel_ratio = ratio;
                        apply_text_size(app);
                    }
                }
                need_draw = 1;
                break;
            case SDL_MOUSEMOTION:
                in.mouse_x = (int)(e.motion.x * app->pixel_ratio);
                in.mouse_y = (int)(e.motion.y * app->pixel_ratio);
                break;
            case SDL_MOUSEBUTTONUP:
                if (e.button.button == SDL_BUTTON_LEFT) {
                    in.mouse_x = (int)(e.button.x * app->pixel_ratio);
                    in.mouse_y = (int)(e.button.y * app->pixel_ratio);
                    in.clicked = 1;
                    handled_input = 1;
                }
                break;
            case SDL_MOUSEWHEEL:
                in.wheel += e.wheel.y;
                handled_input = 1;
                break;
            case SDL_TEXTINPUT:
                if (strlen(in.text) + strlen(e.text.text) < sizeof in.text)
                    strcat(in.text, e.text.text);
                handled_input = 1;
                break;
            case SDL_KEYDOWN: {
                SDL_Keycode k = e.key.keysym.sym;
                Uint16 mod = e.key.keysym.mod;
                if (global_key(app, k, mod) || reload_key(app, k, mod) || desk_key(app, k)) {
                    need_draw = 1;
                    handled_input = 1;
                    break;
                }
                UiKey key = key_of(k, mod);
                if (key != UI_KEY_NONE) {
                    in.key = key;
                    handled_input = 1;
                }
                break;
            }
            default:
                break;
            }
            if (handled_input)
                break;
            got = SDL_PollEvent(&e);
        }
        if (frames.f)
            need_draw = 1;
        if (in.clicked || in.key || in.text[0] || in.wheel || handled_input)
            need_draw = 1;
        /* simulated time */
        if (app->screen == SCREEN_DESK && app->running && !app->paused && !app->frozen) {
            Scenario *sc = host->scenario(host->ctx);
            SimTime now = app_sim_now(app);
            if (now > scenario_world(sc)->clock.now || scenario_next_event(sc) <= now) {
                if (host->advance(host->ctx, now, err, sizeof err) != 0) {
                    app_fault(app, err);
                }
            }
            need_draw = 1; /* the clock moved */
        }
        if (app->in_exam && app->screen == SCREEN_DESK && app->running &&
            SDL_GetTicks64() >= app->exam_deadline) {
            snprintf(app->status, sizeof app->status, "%s", ui_text(S_EXAM_TIME_UP));
            app_finish_attempt(app); /* the set ends with this task */
            need_draw = 1;
        }
        if (app->screen == SCREEN_DESK && app->running &&
            scenario_finished(host->scenario(host->ctx))) {
            app_finish_attempt(app);
            need_draw = 1;
        }
        if (app->feedback_until && SDL_GetTicks64() > app->feedback_until) {
            app->feedback_until = 0;
            app->feedback[0] = '\0';
            need_draw = 1;
        }
        if (app->notice_until && SDL_GetTicks64() > app->notice_until) {
            app->notice_until = 0;
            app->notice[0] = '\0';
            need_draw = 1;
        }
        if (need_draw || app->ui.dirty) {
            /* Draw until the frame is stable (focus moves, a click changed state). */
            for (int pass = 0; pass < 3; pass++) {
                ui_begin(&app->ui, &in);
                draw(app);
                int again = ui_end(&app->ui);
                memset(&in, 0, sizeof in);
                in.mouse_x = app->ui.in.mouse_x;
                in.mouse_y = app->ui.in.mouse_y;
                if (!again)
                    break;
            }
            if (app->screenshot[0]) {
                if (save_screenshot(app, ren, app->screenshot) != 0)
                    fprintf(stderr, "skranken: skjermbildet %s ble ikke lagret: %s\n",
                            app->screenshot, SDL_GetError());
                app->screenshot[0] = '\0';
            }
            SDL_RenderPresent(ren);
            need_draw = 0;
            if (frames.f)
                fprintf(frames.f, "%s %lld\n", screen_name(app->screen),
                        (monotonic_ns() - frames.woke) / 1000);
            if (!presented++ && opts->exit_after_first_frame) {
                long long t = monotonic_ns();
                printf("first_frame_monotonic_s: %lld.%09lld\nscreen: %s\n", t / 1000000000LL,
                       t % 1000000000LL, screen_name(app->screen));
                fflush(stdout);
                app->quit = 1;
            }
        }
        if (opts->exit_after_debrief && app->screen == SCREEN_DEBRIEF && !driver.f)
            app->quit = 1;
    }
    rc = driver.failed ? 1 : 0;
done:
    if (driver.f)
        fclose(driver.f);
    if (frames.f && fclose(frames.f) != 0) {
        fprintf(stderr, "skranken: %s: bildeloggen ble ikke skrevet ferdig\n", opts->frame_log);
        rc = 1;
    }
    if (app->running) /* closed mid-attempt: it stays resumable */
        (host->suspend ? host->suspend : host->abandon)(host->ctx);
    gfx_free(app->ui.g);
    if (ren)
        SDL_DestroyRenderer(ren);
    if (win)
        SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    strbuf_free(&app->name);
    strbuf_free(&app->typed);
    strbuf_free(&app->amount);
    strbuf_free(&app->search);
    strlist_free(&app->hits);
    free(app);
    return rc;
}
