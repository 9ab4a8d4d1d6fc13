#include "core/TestHooks.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

#include <csignal>
#include <unistd.h>

namespace hh::testhook {

namespace {
struct KillSpec {
    std::string point;
    long hit = 1;
};

// Parsed once, during static initialization (before main): nothing reads the environment later.
KillSpec readSpec()
{
    KillSpec spec;
    const char* env = std::getenv("HH_KILL_AT");
    if (!env || !*env)
        return spec;
    std::string value(env);
    const auto colon = value.rfind(':');
    if (colon != std::string::npos) {
        char* end = nullptr;
        const long n = std::strtol(value.c_str() + colon + 1, &end, 10);
        if (end && *end == '\0' && n >= 1) {
            spec.hit = n;
            value.resize(colon);
        }
    }
    spec.point = value;
    return spec;
}

const KillSpec g_spec = readSpec();
std::atomic<long> g_hits{0};

std::mutex g_observerMutex;
std::function<void(const char*)> g_observer;

void writeAll(const char* text)
{
    size_t left = std::strlen(text);
    while (left > 0) {
        const ssize_t n = ::write(STDERR_FILENO, text, left);
        if (n <= 0)
            return;
        text += n;
        left -= static_cast<size_t>(n);
    }
}
} // namespace

namespace detail {
const bool g_armed = !g_spec.point.empty();
std::atomic<bool> g_observed{false};

void hit(const char* point)
{
    if (g_observed.load()) {
        std::function<void(const char*)> observer;
        {
            std::lock_guard lock(g_observerMutex);
            observer = g_observer;
        }
        if (observer)
            observer(point);
    }
    if (!g_armed || g_spec.point != point)
        return;
    if (g_hits.fetch_add(1) + 1 != g_spec.hit)
        return;
    const std::string line = "hh-testhook: killed at " + g_spec.point + ':' + std::to_string(g_spec.hit) + '\n';
    writeAll(line.c_str());
    ::kill(::getpid(), SIGKILL);
    ::_exit(137); // not reached
}
} // namespace detail

void setObserver(std::function<void(const char* point)> fn)
{
    std::lock_guard lock(g_observerMutex);
    detail::g_observed = static_cast<bool>(fn);
    g_observer = std::move(fn);
}

} // namespace hh::testhook
