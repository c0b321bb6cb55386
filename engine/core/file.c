#include "file.h"
#include "alloc.h"
#include "strbuf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

int file_read_all(const char *path, size_t max, char **out, size_t *len, char *err,
                  size_t errsize)
{
    *out = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            snprintf(err, errsize, "%s: filen finnes ikke", path);
        else
            snprintf(err, errsize, "%s: kan ikke åpne filen (%s)", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errsize, "%s: er ikke en vanlig fil", path);
        close(fd);
        return -1;
    }
    if ((unsigned long long)st.st_size > max) {
        snprintf(err, errsize, "%s: filen er for stor (%lld byte, grensen er %zu)", path,
                 (long long)st.st_size, max);
        close(fd);
        return -1;
    }
    size_t cap = (size_t)st.st_size + 1, used = 0;
    char *buf = sk_xmalloc(cap);
    for (;;) {
        if (used + 1 >= cap) {
            /* Full: more than max bytes already read is too many. A file of
             * exactly max bytes gets room for one more read to see its end. */
            if (used > max) {
                snprintf(err, errsize, "%s: filen er for stor (grensen er %zu byte)", path, max);
                free(buf);
                close(fd);
                return -1;
            }
            cap = cap > (max + 2) / 2 ? max + 2 : cap * 2;
            buf = sk_xrealloc(buf, cap);
        }
        ssize_t n = read(fd, buf + used, cap - used - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            snprintf(err, errsize, "%s: lesefeil (%s)", path, strerror(errno));
            free(buf);
            close(fd);
            return -1;
        }
        if (n == 0)
            break;
        used += (size_t)n;
    }
    close(fd);
    if (used > max) {
        snprintf(err, errsize, "%s: filen er for stor (grensen er %zu byte)", path, max);
        free(buf);
        return -1;
    }
    buf[used] = '\0';
    *out = buf;
    *len = used;
    return 0;
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

static void sync_dir_of(const char *path)
{
    char *dir = sk_xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash == dir)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        strcpy(dir, ".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

static FileWriteHook write_hook;

void file_set_write_hook(FileWriteHook hook)
{
    write_hook = hook;
}

int file_write_new(const char *path, const char *data, size_t len, char *err, size_t errsize)
{
    if (file_exists(path)) {
        snprintf(err, errsize, "%s: finnes allerede (skrives aldri over)", path);
        errno = EEXIST;
        return -1;
    }
    size_t n = strlen(path) + 16;
    char *tmp = sk_xmalloc(n);
    snprintf(tmp, n, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errsize, "%s: kan ikke lage fil (%s)", path, strerror(errno));
        free(tmp);
        return -1;
    }
    int rc = -1;
    if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        snprintf(err, errsize, "%s: skrivefeil (%s)", path, strerror(errno));
        close(fd);
        goto done;
    }
    if (close(fd) != 0) {
        snprintf(err, errsize, "%s: skrivefeil (%s)", path, strerror(errno));
        goto done;
    }
    if (write_hook)
        write_hook("temp-synced", path);
    /* link() refuses to replace an existing file, unlike rename(). */
    if (link(tmp, path) != 0) {
        int e = errno;
        if (e == EEXIST)
            snprintf(err, errsize, "%s: finnes allerede (skrives aldri over)", path);
        else
            snprintf(err, errsize, "%s: kan ikke lagre filen (%s)", path, strerror(e));
        errno = e;
        goto done;
    }
    sync_dir_of(path);
    rc = 0;
done:
    unlink(tmp);
    free(tmp);
    return rc;
}

int file_replace(const char *path, const char *data, size_t len, char *err, size_t errsize)
{
    size_t n = strlen(path) + 16;
    char *tmp = sk_xmalloc(n);
    snprintf(tmp, n, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    int rc = -1;
    if (fd < 0) {
        snprintf(err, errsize, "%s: kan ikke lage fil (%s)", path, strerror(errno));
        free(tmp);
        return -1;
    }
    if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        snprintf(err, errsize, "%s: skrivefeil (%s)", path, strerror(errno));
        close(fd);
        unlink(tmp);
        goto done;
    }
    close(fd);
    if (rename(tmp, path) != 0) {
        snprintf(err, errsize, "%s: kan ikke lagre filen (%s)", path, strerror(errno));
        unlink(tmp);
        goto done;
    }
    sync_dir_of(path);
    rc = 0;
done:
    free(tmp);
    return rc;
}

int file_make_dirs(const char *path, char *err, size_t errsize)
{
    if (!path || !*path) {
        snprintf(err, errsize, "tom mappesti");
        return -1;
    }
    char *p = sk_xstrdup(path);
    int rc = 0;
    for (char *s = p + 1; ; s++) {
        if (*s == '/' || *s == '\0') {
            char saved = *s;
            *s = '\0';
            if (*p && mkdir(p, 0700) != 0 && errno != EEXIST) {
                snprintf(err, errsize, "%s: kan ikke lage mappen (%s)", p, strerror(errno));
                rc = -1;
                break;
            }
            *s = saved;
            if (saved == '\0')
                break;
        }
    }
    if (rc == 0) {
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
            snprintf(err, errsize, "%s: er ikke en mappe", path);
            rc = -1;
        }
    }
    free(p);
    return rc;
}

int file_exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* ---------------------------------------------------------------- appending */

int file_appender_open(FileAppender *a, const char *path, long long keep, char *err,
                       size_t errsize)
{
    memset(a, 0, sizeof *a);
    a->fd = -1;
    int fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ENOENT)
            snprintf(err, errsize, "%s: filen finnes ikke", path);
        else
            snprintf(err, errsize, "%s: kan ikke åpne filen for skriving (%s)", path,
                     strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errsize, "%s: er ikke en vanlig fil", path);
        close(fd);
        return -1;
    }
    /* One writer at a time: another process (a second window) that has the
     * file open for appending holds this lock until it closes it or dies. */
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            snprintf(err, errsize, "%s: er i bruk (en annen Skranken skriver i den nå)", path);
        else
            snprintf(err, errsize, "%s: kan ikke låse filen (%s)", path, strerror(errno));
        close(fd);
        return -1;
    }
    if (keep < 0 || keep > (long long)st.st_size) {
        snprintf(err, errsize, "%s: er kortere enn ventet (%lld byte, ventet minst %lld)", path,
                 (long long)st.st_size, keep);
        close(fd);
        return -1;
    }
    if (keep < (long long)st.st_size && (ftruncate(fd, (off_t)keep) != 0 || fsync(fd) != 0)) {
        snprintf(err, errsize, "%s: kan ikke kutte den halvskrevne slutten (%s)", path,
                 strerror(errno));
        close(fd);
        return -1;
    }
    a->fd = fd;
    a->size = keep;
    a->path = sk_xstrdup(path);
    return 0;
}

int file_appender_truncate(FileAppender *a, long long size, char *err, size_t errsize)
{
    if (!a->path || a->fd < 0) {
        snprintf(err, errsize, "filen er ikke åpen");
        return -1;
    }
    if (size < 0 || size > a->size)
        size = a->size;
    if (ftruncate(a->fd, (off_t)size) != 0 || fsync(a->fd) != 0) {
        snprintf(err, errsize, "%s: skrivefeil (%s)", a->path, strerror(errno));
        a->dirty = 1;
        if (size < a->size)
            a->size = size; /* the bytes past it are no longer trusted either way */
        return -1;
    }
    a->size = size;
    a->dirty = 0;
    return 0;
}

int file_append_sync(FileAppender *a, const char *data, size_t len, char *err,
                     size_t errsize)
{
    if (!a->path || a->fd < 0) {
        snprintf(err, errsize, "filen er ikke åpen");
        return -1;
    }
    /* A failed append may have left a part of its record: cut it first. */
    if (a->dirty && file_appender_truncate(a, a->size, err, errsize) != 0)
        return -1;
    size_t done = 0;
    while (done < len) {
        ssize_t n = pwrite(a->fd, data + done, len - done, (off_t)(a->size + (long long)done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            int e = n < 0 ? errno : ENOSPC;
            snprintf(err, errsize, "%s: skrivefeil (%s)", a->path, strerror(e));
            a->dirty = 1;
            char ignored[64];
            file_appender_truncate(a, a->size, ignored, sizeof ignored);
            errno = e;
            return -1;
        }
        done += (size_t)n;
    }
    if (fsync(a->fd) != 0) {
        int e = errno;
        snprintf(err, errsize, "%s: skrivefeil (%s)", a->path, strerror(e));
        a->dirty = 1;
        char ignored[64];
        file_appender_truncate(a, a->size, ignored, sizeof ignored);
        errno = e;
        return -1;
    }
    a->size += (long long)len;
    return 0;
}

void file_appender_close(FileAppender *a)
{
    if (a->path && a->fd >= 0) /* open (a zeroed appender is closed) */
        close(a->fd);
    free(a->path);
    memset(a, 0, sizeof *a);
    a->fd = -1;
}

int file_remove_sync(const char *path, char *err, size_t errsize)
{
    if (unlink(path) != 0) {
        snprintf(err, errsize, "%s: kan ikke slette filen (%s)", path, strerror(errno));
        return -1;
    }
    sync_dir_of(path);
    return 0;
}

int file_move_new(const char *from, const char *to, char *err, size_t errsize)
{
    if (link(from, to) != 0) {
        int e = errno;
        if (e == EEXIST)
            snprintf(err, errsize, "%s: finnes allerede (skrives aldri over)", to);
        else
            snprintf(err, errsize, "%s: kan ikke flytte %s hit (%s)", to, from, strerror(e));
        errno = e;
        return -1;
    }
    sync_dir_of(to);
    if (unlink(from) != 0) {
        int e = errno;
        snprintf(err, errsize, "%s: kan ikke fjerne det gamle navnet (%s)", from, strerror(e));
        errno = e;
        return -1;
    }
    sync_dir_of(from);
    return 0;
}

int file_in_use(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return 0;
    int busy = flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    close(fd);
    return busy;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t file_list_dir(const char *dir, const char *suffix, char ***out)
{
    *out = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t n = 0, cap = 0, sl = strlen(suffix);
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len <= sl || strcmp(e->d_name + len - sl, suffix) != 0 || e->d_name[0] == '.')
            continue;
        SK_GROW(*out, n, cap);
        StrBuf sb;
        strbuf_init(&sb);
        strbuf_addf(&sb, "%s/%s", dir, e->d_name);
        (*out)[n++] = sb.data;
    }
    closedir(d);
    if (n)
        qsort(*out, n, sizeof **out, compare_names);
    return n;
}

void file_list_free(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}
