/* Files (engine/core/file.h): new files are written whole or not at all and never
 * over an existing one; folders are made with their parents; reads are limited.
 * Everything happens in a fresh mkdtemp folder that is removed at the end. */
#include "core/file.h"

#include "check.h"

#include <dirent.h>
#include <stdlib.h>
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

int main(void)
{
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 1;
    }
    test_write_new();
    test_make_dirs();
    test_read_all();
    CHECK(!file_exists("/tmp/skranken-test-file-surely-not-here"));
    remove_tree(root);
    CHECK(!file_exists(root));
    return check_finish("test_file");
}
