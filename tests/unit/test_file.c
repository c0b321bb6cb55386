/* Files (engine/core/file.h): new files are written whole or not at all and never
 * over an existing one; folders are made with their parents; reads are limited.
 * Everything happens in a fresh mkdtemp folder that is removed at the end. */
#include "core/file.h"

#include "check.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[] = "/tmp/skranken-test-file-XXXXXX";

static const char *at(const char *name)
{
    static char buf[16][256];
    static int next;
    char *p = buf[next++ % 16];
    snprintf(p, 256, "%s/%s", root, name);
    return p;
}

/* Number of entries in a folder besides . and .., and whether any of them has
 * ".tmp" in its name (file_write_new's temporary files are "<path>.tmpXXXXXX"). */
static int count_entries(const char *dir, int *tmp_seen)
{
    DIR *d = opendir(dir);
    int n = 0;
    *tmp_seen = 0;
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        n++;
        if (strstr(e->d_name, ".tmp"))
            *tmp_seen = 1;
    }
    closedir(d);
    return n;
}

static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (d) {
            struct dirent *e;
            while ((e = readdir(d)) != NULL) {
                if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                    continue;
                char child[1024];
                snprintf(child, sizeof child, "%s/%s", path, e->d_name);
                remove_tree(child);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void write_plain(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f)
        return;
    CHECK_INT(fwrite(data, 1, len, f), (long long)len);
    fclose(f);
}

/* Rule: file_write_new creates a new file holding exactly the bytes (NULs too),
 * leaves no temporary file behind, and never replaces an existing path: -1,
 * "finnes allerede", old content intact. */
static void test_write_new(void)
{
    char err[512] = "";
    const char data[] = "linje 1\n\0binært\xff\n";
    const char *path = at("report.json");

    CHECK_INT(file_write_new(path, data, sizeof data - 1, err, sizeof err), 0);
    CHECK(file_exists(path));
    char *text = NULL;
    size_t len = 0;
    CHECK_INT(file_read_all(path, 1024, &text, &len, err, sizeof err), 0);
    CHECK_INT(len, sizeof data - 1);
    CHECK(text && memcmp(text, data, sizeof data - 1) == 0);
    CHECK(text && text[len] == '\0'); /* file_read_all NUL-terminates */
    free(text);

    int tmp_seen = 0;
    CHECK_INT(count_entries(root, &tmp_seen), 1);
    CHECK_INT(tmp_seen, 0);

    /* A second write to the same path is refused and changes nothing. */
    err[0] = '\0';
    CHECK_INT(file_write_new(path, "ny", 2, err, sizeof err), -1);
    CHECK(strstr(err, "finnes allerede") != NULL);
    CHECK(strstr(err, path) != NULL);
    CHECK_INT(file_read_all(path, 1024, &text, &len, err, sizeof err), 0);
    CHECK_INT(len, sizeof data - 1);
    CHECK(text && memcmp(text, data, sizeof data - 1) == 0);
    free(text);
    CHECK_INT(count_entries(root, &tmp_seen), 1);
    CHECK_INT(tmp_seen, 0);

    /* A dangling symlink counts as existing: not followed, not replaced. */
    const char *link_path = at("link.json");
    const char *target = at("target.json");
    CHECK_INT(symlink(target, link_path), 0);
    CHECK_INT(file_write_new(link_path, "x", 1, err, sizeof err), -1);
    CHECK(strstr(err, "finnes allerede") != NULL);
    CHECK(!file_exists(target));
    unlink(link_path);

    /* Zero bytes make an empty file. */
    const char *empty = at("empty.txt");
    CHECK_INT(file_write_new(empty, "", 0, err, sizeof err), 0);
    struct stat st;
    CHECK(stat(empty, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0);
    unlink(empty);

    /* In a missing folder: -1, the message names the path, nothing is made. */
    const char *missing = at("nope/report.json");
    err[0] = '\0';
    CHECK_INT(file_write_new(missing, "x", 1, err, sizeof err), -1);
    CHECK(strstr(err, missing) != NULL);
    CHECK(!file_exists(at("nope")));
    CHECK_INT(count_entries(root, &tmp_seen), 1);
    CHECK_INT(tmp_seen, 0);
    unlink(path);
}

/* Rule: file_make_dirs makes the folder and all missing parents, succeeds when
 * it already exists, and refuses a path that is (or passes through) a file. */
static void test_make_dirs(void)
{
    char err[512] = "";
    struct stat st;
    const char *deep = at("a/b/c");
    CHECK_INT(file_make_dirs(deep, err, sizeof err), 0);
    CHECK(stat(deep, &st) == 0 && S_ISDIR(st.st_mode));
    CHECK(stat(at("a/b"), &st) == 0 && S_ISDIR(st.st_mode));
    CHECK_INT(st.st_mode & 0777, 0700); /* new folders are private */
    CHECK_INT(file_make_dirs(deep, err, sizeof err), 0); /* again: fine */
    /* a trailing slash */
    char slash[300];
    snprintf(slash, sizeof slash, "%s/", at("a/d"));
    CHECK_INT(file_make_dirs(slash, err, sizeof err), 0);
    CHECK(stat(at("a/d"), &st) == 0 && S_ISDIR(st.st_mode));

    const char *file = at("a/plain.txt");
    write_plain(file, "x", 1);
    err[0] = '\0';
    CHECK_INT(file_make_dirs(file, err, sizeof err), -1);
    CHECK(strstr(err, "er ikke en mappe") != NULL);
    CHECK(strstr(err, file) != NULL);
    err[0] = '\0';
    CHECK_INT(file_make_dirs(at("a/plain.txt/sub"), err, sizeof err), -1);
    CHECK(strstr(err, "plain.txt") != NULL);

    CHECK_INT(file_make_dirs("", err, sizeof err), -1);
    CHECK(strstr(err, "tom mappesti") != NULL);
}

/* Rule: file_read_all refuses a missing file ("finnes ikke"), a directory, and a
 * file over the limit; exactly the limit is fine; an empty file reads as "". */
static void test_read_all(void)
{
    char err[512] = "";
    char *text = (char *)"sentinel";
    size_t len = 99;

    const char *missing = at("none.txt");
    CHECK_INT(file_read_all(missing, 100, &text, &len, err, sizeof err), -1);
    CHECK(strstr(err, "finnes ikke") != NULL);
    CHECK(strstr(err, missing) != NULL);
    CHECK(text == NULL); /* outputs are cleared on failure */
    CHECK_INT(len, 0);

    err[0] = '\0';
    CHECK_INT(file_read_all(root, 100, &text, &len, err, sizeof err), -1);
    CHECK(strstr(err, "er ikke en vanlig fil") != NULL);
    CHECK(strstr(err, root) != NULL);
    CHECK(text == NULL);

    const char *ten = at("ten.txt");
    write_plain(ten, "0123456789", 10);
    err[0] = '\0';
    CHECK_INT(file_read_all(ten, 9, &text, &len, err, sizeof err), -1);
    CHECK(strstr(err, "for stor") != NULL);
    CHECK(strstr(err, ten) != NULL);
    CHECK(text == NULL);
    /* exactly the limit is not over it */
    CHECK_INT(file_read_all(ten, 10, &text, &len, err, sizeof err), 0);
    CHECK_INT(len, 10);
    CHECK_STR(text, "0123456789");
    free(text);
    /* well under the limit */
    CHECK_INT(file_read_all(ten, 1 << 20, &text, &len, err, sizeof err), 0);
    CHECK_INT(len, 10);
    free(text);
    /* a limit of zero refuses any content */
    CHECK_INT(file_read_all(ten, 0, &text, &len, err, sizeof err), -1);
    CHECK(strstr(err, "for stor") != NULL);

    const char *empty = at("empty.txt");
    write_plain(empty, "", 0);
    text = NULL;
    len = 99;
    CHECK_INT(file_read_all(empty, 100, &text, &len, err, sizeof err), 0);
    CHECK(text != NULL);
    CHECK_STR(text, "");
    CHECK_INT(len, 0);
    free(text);
    /* an empty file is within even a zero limit */
    CHECK_INT(file_read_all(empty, 0, &text, &len, err, sizeof err), 0);
    CHECK_INT(len, 0);
    free(text);

    /* a larger file, past the initial buffer, reads whole */
    const char *big = at("big.txt");
    size_t n = 200000;
    char *data = malloc(n);
    for (size_t i = 0; i < n; i++)
        data[i] = (char)('a' + i % 26);
    write_plain(big, data, n);
    CHECK_INT(file_read_all(big, n, &text, &len, err, sizeof err), 0);
    CHECK_INT(len, n);
    CHECK(text && memcmp(text, data, n) == 0);
    free(text);
    CHECK_INT(file_read_all(big, n - 1, &text, &len, err, sizeof err), -1);
    free(data);
}

static long long size_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

static int content_is(const char *path, const char *want)
{
    char *text = NULL, err[256];
    size_t len = 0;
    if (file_read_all(path, 1 << 20, &text, &len, err, sizeof err) != 0)
        return 0;
    int same = len == strlen(want) && memcmp(text, want, len) == 0;
    free(text);
    return same;
}

/* Rule: an appender opens an existing file after its first keep bytes (a torn
 * tail past them is cut off), each append lands whole at the end, a record can
 * be taken back, and an append that fails (here: past a file size limit, as on
 * a full disk) leaves the file exactly as it was, so the next append after the
 * limit is lifted continues cleanly. Only one appender may have a file open. */
static void test_appender(void)
{
    char err[512] = "";
    FileAppender a;
    const char *path = at("journal.txt");

    CHECK_INT(file_appender_open(&a, path, 0, err, sizeof err), -1);
    CHECK(strstr(err, "finnes ikke") != NULL);
    CHECK(strstr(err, path) != NULL);
    file_appender_close(&a); /* closing a failed one is harmless */

    write_plain(path, "header\nhalf a rec", 17);
    CHECK_INT(file_appender_open(&a, path, 100, err, sizeof err), -1); /* longer than the file */
    CHECK(strstr(err, "kortere") != NULL);
    CHECK_INT(file_appender_open(&a, path, 7, err, sizeof err), 0);
    CHECK(content_is(path, "header\n")); /* the torn tail is gone */
    CHECK_INT(a.size, 7);
    CHECK_INT(file_append_sync(&a, "one\n", 4, err, sizeof err), 0);
    CHECK_INT(file_append_sync(&a, "two\n", 4, err, sizeof err), 0);
    CHECK(content_is(path, "header\none\ntwo\n"));
    CHECK_INT(a.size, 15);
    /* taking the last record back */
    CHECK_INT(file_appender_truncate(&a, 11, err, sizeof err), 0);
    CHECK(content_is(path, "header\none\n"));
    CHECK_INT(file_append_sync(&a, "three\n", 6, err, sizeof err), 0);
    CHECK(content_is(path, "header\none\nthree\n"));

    /* A size limit (ulimit -f) stands in for a full disk. */
    struct rlimit old;
    CHECK_INT(getrlimit(RLIMIT_FSIZE, &old), 0);
    void (*was)(int) = signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old;
    small.rlim_cur = 20;
    CHECK_INT(setrlimit(RLIMIT_FSIZE, &small), 0);
    err[0] = '\0';
    CHECK_INT(file_append_sync(&a, "a record too long\n", 18, err, sizeof err), -1);
    CHECK(strstr(err, "skrivefeil") != NULL);
    CHECK(strstr(err, path) != NULL);
    CHECK_INT(size_of(path), 17); /* cut back: nothing of it is left */
    CHECK_INT(a.size, 17);
    /* a new file cannot be written past the limit either, and none is left */
    const char *big = at("big-report.json");
    char data[64];
    memset(data, 'x', sizeof data);
    CHECK_INT(file_write_new(big, data, sizeof data, err, sizeof err), -1);
    CHECK(strstr(err, big) != NULL);
    CHECK(!file_exists(big));
    CHECK_INT(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, was);
    CHECK_INT(file_append_sync(&a, "four\n", 5, err, sizeof err), 0);
    CHECK(content_is(path, "header\none\nthree\nfour\n"));
    /* one appender at a time: a second one is refused while the first is open */
    CHECK(file_in_use(path));
    FileAppender b;
    err[0] = '\0';
    CHECK_INT(file_appender_open(&b, path, 0, err, sizeof err), -1);
    CHECK(strstr(err, "er i bruk") != NULL);
    CHECK(content_is(path, "header\none\nthree\nfour\n")); /* keep 0 did not cut it */
    file_appender_close(&a);
    CHECK_INT(a.fd, -1);
    CHECK(!file_in_use(path));
    CHECK(!file_in_use(at("not-there")));
    CHECK_INT(file_append_sync(&a, "x", 1, err, sizeof err), -1); /* closed */

    /* An appender without a path counts as closed: its fd (0 in a zeroed one) is
     * never closed by mistake. */
    FileAppender z;
    memset(&z, 0, sizeof z);
    z.fd = open(root, O_RDONLY | O_DIRECTORY);
    CHECK(z.fd >= 0);
    int kept = z.fd;
    file_appender_close(&z);
    CHECK(fcntl(kept, F_GETFD) != -1);
    close(kept);

    /* A folder is not a file to append to. */
    CHECK_INT(file_appender_open(&a, root, 0, err, sizeof err), -1);
    unlink(path);
}

/* Rule: file_move_new renames without ever replacing (the target keeps its
 * content, the source stays); file_remove_sync removes and reports failures. */
static void test_move_remove(void)
{
    char err[512] = "";
    const char *from = at("j1.journal"), *to = at("moved.journal"), *taken = at("taken.journal");
    write_plain(from, "journal", 7);
    write_plain(taken, "other", 5);
    CHECK_INT(file_move_new(from, taken, err, sizeof err), -1);
    CHECK(strstr(err, "finnes allerede") != NULL);
    CHECK(content_is(taken, "other"));
    CHECK(content_is(from, "journal"));
    CHECK_INT(file_move_new(from, to, err, sizeof err), 0);
    CHECK(!file_exists(from));
    CHECK(content_is(to, "journal"));
    CHECK_INT(file_move_new(at("none"), at("none2"), err, sizeof err), -1);
    CHECK(strstr(err, "none") != NULL);
    CHECK_INT(file_remove_sync(to, err, sizeof err), 0);
    CHECK(!file_exists(to));
    err[0] = '\0';
    CHECK_INT(file_remove_sync(to, err, sizeof err), -1);
    CHECK(strstr(err, to) != NULL);
    unlink(taken);
}

static int hook_calls;
static int hook_saw_file;
static char hook_stage[32];

static void hook(const char *stage, const char *path)
{
    hook_calls++;
    snprintf(hook_stage, sizeof hook_stage, "%s", stage);
    hook_saw_file = file_exists(path);
}

/* Rule: the test hook runs once per new file, after the temporary file is
 * synced and before the file appears under its name. */
static void test_write_hook(void)
{
    char err[512] = "";
    const char *path = at("hooked.json");
    file_set_write_hook(hook);
    CHECK_INT(file_write_new(path, "{}", 2, err, sizeof err), 0);
    file_set_write_hook(NULL);
    CHECK_INT(hook_calls, 1);
    CHECK_STR(hook_stage, "temp-synced");
    CHECK_INT(hook_saw_file, 0);
    CHECK(content_is(path, "{}"));
    CHECK_INT(file_write_new(at("unhooked.json"), "{}", 2, err, sizeof err), 0);
    CHECK_INT(hook_calls, 1);
    unlink(path);
    unlink(at("unhooked.json"));
}

int main(void)
{
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 1;
    }
    test_write_new();
    test_make_dirs();
    test_read_all();
    test_appender();
    test_move_remove();
    test_write_hook();
    CHECK(!file_exists("/tmp/skranken-test-file-surely-not-here"));
    remove_tree(root);
    CHECK(!file_exists(root));
    return check_finish("test_file");
}
