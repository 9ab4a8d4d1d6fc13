// hh-lockprobe PATH: prints "locked" when another process holds a POSIX (fcntl) lock on any byte of PATH,
// "free" otherwise (tests/db/TestConnectionFactory.cpp: a process's own locks are invisible to itself).
#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

int main(int argc, char** argv)
{
    if (argc != 2)
        return 2;
    const int fd = ::open(argv[1], O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 2;
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = 0;
    lock.l_len = 0; // to the end of the file and beyond (SQLite locks bytes past 1 GiB)
    const int rc = ::fcntl(fd, F_GETLK, &lock);
    ::close(fd);
    if (rc != 0)
        return 2;
    std::puts(lock.l_type == F_UNLCK ? "free" : "locked");
    return 0;
}
