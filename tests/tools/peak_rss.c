/* Test helper: runs a command and reports the peak resident memory it used.
 *
 *   peak_rss OUT_FILE COMMAND [ARGS...]
 *
 * Writes the peak resident set size in KiB (getrusage's ru_maxrss of the child)
 * to OUT_FILE and exits with the command's exit code (128 + N if a signal N
 * ended it), so a test can check that the memory cap a scenario runs under
 * really bounds the whole process. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "bruk: peak_rss UT-FIL KOMMANDO [ARGUMENTER...]\n");
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("peak_rss: fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror("peak_rss: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("peak_rss: wait4");
        return 2;
    }
    FILE *f = fopen(argv[1], "w");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    fprintf(f, "%ld\n", ru.ru_maxrss);
    fclose(f);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
