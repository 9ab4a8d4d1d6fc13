#pragma once

// Kill points for crash-safety tests (issue 8).
//
// Code on a path that must survive a crash calls hh::testhook::reached("area.step") at the interesting
// moments (inside a transaction before its commit, right after it, ...). Normally nothing happens: the
// call is one test of a flag read once at start-up.
//
// When the environment variable HH_KILL_AT is set to "POINT" or "POINT:N" when the process starts, the
// N-th time (default 1) the point named POINT is reached, the process writes the line
// "hh-testhook: killed at POINT:N" to stderr and kills itself with SIGKILL: no destructor, no rollback,
// no flush runs, exactly as when the power goes or the OOM killer strikes. Other points are not counted.
//
// Thread-safe (the hit counter is atomic; any thread may reach a point). Point names are string literals.

// In-process tests can also watch the points: setObserver(fn) calls fn(point) on the thread that reaches a
// point, every time, until setObserver({}) (e.g. to commit a concurrent write at a precise moment).

#include <atomic>
#include <functional>

namespace hh::testhook {

namespace detail {
extern const bool g_armed;             // HH_KILL_AT was set at start-up
extern std::atomic<bool> g_observed;   // an observer is set
void hit(const char* point);
} // namespace detail

inline void reached(const char* point)
{
    if (detail::g_armed || detail::g_observed.load(std::memory_order_relaxed)) [[unlikely]]
        detail::hit(point);
}

// Tests only. fn must not set or clear the observer itself.
void setObserver(std::function<void(const char* point)> fn);

} // namespace hh::testhook
