/* The benchmark's launcher (tools/bench.sh): starts one program the same way for
 * Skranken, LÖVE and Ren'Py and measures it from the outside.
 *
 *   launch first-frame TIMEOUT_S -- PROGRAM ARGS...
 *   launch idle SETTLE_S SECONDS [XSERVER_PID] -- PROGRAM ARGS...
 *
 * For first-frame, the program must print a line "first_frame_monotonic_s: SECONDS"
 * (CLOCK_MONOTONIC) on stdout once its first frame is presented. The launcher reads the clock just
 * before it forks, so first_frame_ms is exec-to-first-frame including fork/exec.
 *
 * first-frame: after the line, the program is ended with SIGTERM (if it has not
 * ended by itself, as `skranken play --exit-after-first-frame` does).
 * idle: waits SETTLE_S seconds after the start (no line needed), then measures the
 * CPU time the program (all its threads) uses over SECONDS seconds, and the X
 * server's over the same window when its pid is given; then ends the program with
 * SIGTERM. It fails if the program has ended by then.
 *
 * Prints `name: value` lines: first_frame_ms, cpu_percent, xserver_cpu_percent,
 * peak_rss_kb (the program's peak resident memory over its whole life, from wait4).
 * Exit 0, or 1 with a message when the program failed or never showed a frame. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of a whole process in seconds, to the nanosecond: the sum over its
 * threads of /proc/PID/task/TID/schedstat's first field; -1 if unavailable. */
static double cpu_sched_s(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
    DIR *d = opendir(path);
    if (!d)
        return -1;
    double total = 0;
    int seen = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] < '0' || de->d_name[0] > '9')
            continue;
        char f[320];
        snprintf(f, sizeof f, "/proc/%d/task/%s/schedstat", (int)pid, de->d_name);
        FILE *fp = fopen(f, "r");
        unsigned long long ns = 0;
        if (fp && fscanf(fp, "%llu", &ns) == 1) {
            total += (double)ns / 1e9;
            seen++;
        }
        if (fp)
            fclose(fp);
    }
    closedir(d);
    return seen ? total : -1;
}

/* utime + stime of a whole process (every thread), in seconds, to the clock tick
 * (10 ms); -1 if gone. The fallback when schedstat is not there. */
static double cpu_tick_s(pid_t pid)
{
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')'); /* the command name may hold spaces */
    if (!p)
        return -1;
    unsigned long long utime = 0, stime = 0;
    /* after ")": state(3) ppid pgrp session tty tpgid flags minflt cminflt majflt
     * cmajflt utime(14) stime(15) */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime,
               &stime) != 2)
        return -1;
    return (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
}

/* Threads that end inside the window are not counted by schedstat: the tick
 * count covers them, so the larger of the two differences is taken. */
typedef struct Cpu {
    double sched, tick;
} Cpu;

static Cpu cpu_now(pid_t pid)
{
    Cpu c = {cpu_sched_s(pid), cpu_tick_s(pid)};
    return c;
}

static double cpu_used(Cpu a, Cpu b)
{
    double tick = a.tick >= 0 && b.tick >= 0 ? b.tick - a.tick : -1;
    double sched = a.sched >= 0 && b.sched >= 0 ? b.sched - a.sched : -1;
    if (tick < 0 && sched < 0)
        return -1;
    if (sched < 0 || sched < tick - 0.02) /* a thread ended: trust the ticks */
        return tick;
    return sched;
}

typedef struct Reader {
    int fd;
    char buf[8192];
    size_t len;
    int eof;
    double first_frame; /* the program's CLOCK_MONOTONIC reading, or 0 */
} Reader;

/* Reads what the program printed for up to `wait_s`; returns once the first-frame
 * line is seen (if `until_frame`) or the time is up. Other lines are passed to
 * stderr with a prefix, so a failing program can be diagnosed. */
static void pump(Reader *r, double wait_s, int until_frame)
{
    double end = now_s() + wait_s;
    while (!r->eof) {
        if (until_frame && r->first_frame > 0)
            return;
        double left = end - now_s();
        if (left <= 0)
            return;
        struct pollfd pfd = {r->fd, POLLIN, 0};
        int rc = poll(&pfd, 1, (int)(left * 1000) + 1);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc <= 0)
            continue;
        ssize_t got = read(r->fd, r->buf + r->len, sizeof r->buf - 1 - r->len);
        if (got <= 0) {
            if (got < 0 && errno == EINTR)
                continue;
            r->eof = 1;
            return;
        }
        r->len += (size_t)got;
        r->buf[r->len] = '\0';
        char *line = r->buf, *nl;
        while ((nl = strchr(line, '\n')) != NULL) {
            *nl = '\0';
            double t = 0;
            if (sscanf(line, "first_frame_monotonic_s: %lf", &t) == 1 && r->first_frame == 0)
                r->first_frame = t;
            else if (*line)
                fprintf(stderr, "  | %s\n", line);
            line = nl + 1;
        }
        r->len = strlen(line);
        memmove(r->buf, line, r->len);
        if (r->len == sizeof r->buf - 1) /* a line longer than the buffer: drop it */
            r->len = 0;
    }
}

static int usage(void)
{
    fprintf(stderr, "usage: launch first-frame TIMEOUT_S -- PROGRAM ARGS...\n"
                    "       launch idle SETTLE_S SECONDS [XSERVER_PID] -- PROGRAM ARGS...\n");
    return 2;
}

int main(int argc, char **argv)
{
    int sep = 0;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--") == 0) {
            sep = i;
            break;
        }
    if (argc < 3 || sep == 0 || sep + 1 >= argc)
        return usage();
    int idle = strcmp(argv[1], "idle") == 0;
    if (!idle && strcmp(argv[1], "first-frame") != 0)
        return usage();
    if ((idle && sep != 4 && sep != 5) || (!idle && sep != 3))
        return usage();
    double timeout = idle ? 0 : atof(argv[2]);
    double settle = idle ? atof(argv[2]) : 0, seconds = idle ? atof(argv[3]) : 0;
    pid_t xserver = idle && sep == 5 ? (pid_t)atoi(argv[4]) : 0;
    if ((!idle && timeout <= 0) || (idle && (settle < 0 || seconds <= 0)))
        return usage();

    int fds[2];
    if (pipe(fds) != 0) {
        perror("launch: pipe");
        return 1;
    }
    double t0 = now_s();
    pid_t pid = fork();
    if (pid < 0) {
        perror("launch: fork");
        return 1;
    }
    if (pid == 0) {
        setpgid(0, 0); /* its own process group: whatever it starts ends with it */
        close(fds[0]);
        dup2(fds[1], STDOUT_FILENO);
        close(fds[1]);
        execvp(argv[sep + 1], argv + sep + 1);
        fprintf(stderr, "launch: %s: %s\n", argv[sep + 1], strerror(errno));
        _exit(127);
    }
    close(fds[1]);
    Reader r = {.fd = fds[0]};
    int ok = 1;
    double cpu = -1, xcpu = -1;
    if (idle) {
        pump(&r, settle, 0); /* settled: the line is not needed (skranken play prints none) */
    } else {
        pump(&r, timeout, 1);
        ok = r.first_frame > 0;
        if (ok)
            printf("first_frame_ms: %.1f\n", (r.first_frame - t0) * 1000.0);
        else if (r.eof)
            fprintf(stderr, "launch: %s ended before its first frame\n", argv[sep + 1]);
        else
            fprintf(stderr, "launch: %s showed no first frame within %.0f s\n", argv[sep + 1],
                    timeout);
    }
    if (idle) {
        Cpu c0 = cpu_now(pid), x0 = cpu_now(xserver ? xserver : -1);
        double w0 = now_s();
        pump(&r, seconds, 0);
        Cpu c1 = cpu_now(pid), x1 = cpu_now(xserver ? xserver : -1);
        double w1 = now_s();
        double used = cpu_used(c0, c1), xused = xserver ? cpu_used(x0, x1) : -1;
        if (used < 0 || cpu_tick_s(pid) < 0) {
            fprintf(stderr, "launch: %s ended while it was measured\n", argv[sep + 1]);
            ok = 0;
        } else {
            cpu = used / (w1 - w0) * 100.0;
            if (xused >= 0)
                xcpu = xused / (w1 - w0) * 100.0;
        }
    }
    /* end it: it may have ended by itself already */
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    pid_t done = 0;
    for (int i = 0; i < 100 && done == 0; i++) { /* up to 1 s to end by itself */
        done = wait4(pid, &status, WNOHANG, &ru);
        if (done == 0) {
            if (i == 0)
                kill(-pid, SIGTERM);
            pump(&r, 0.01, 0);
        }
    }
    if (done == 0) {
        kill(-pid, SIGKILL);
        done = wait4(pid, &status, 0, &ru);
    }
    kill(-pid, SIGKILL); /* anything it left behind */
    close(fds[0]);
    if (ok && WIFEXITED(status) && WEXITSTATUS(status) != 0 && !idle) {
        fprintf(stderr, "launch: %s exited with %d\n", argv[sep + 1], WEXITSTATUS(status));
        ok = 0;
    }
    if (cpu >= 0)
        printf("cpu_percent: %.2f\n", cpu);
    if (xcpu >= 0)
        printf("xserver_cpu_percent: %.2f\n", xcpu);
    printf("peak_rss_kb: %ld\n", ru.ru_maxrss);
    return ok ? 0 : 1;
}
