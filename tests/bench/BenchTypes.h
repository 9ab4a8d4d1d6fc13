#pragma once

// Shared types of healthhub-bench (tests/bench): the run configuration and one measured figure.

#include <QString>
#include <QStringList>

#include <optional>

namespace hh::bench {

struct BenchConfig {
    qint64 resources = 100000; // at least this many resources for the demo patient
    int scale = 0;             // explicit SyntheticFamily scale (0: derived from `resources`)
    int runs = 5;              // repetitions of profile_open_ms and startup_ms (median)
    bool json = false;
    bool skipSync = false;
    bool skipStartup = false;
    bool pageTxBaseline = false; // diagnostic: raw inserts with one transaction per page too
    QString healthhub;         // the healthhub executable (startup_ms)
    QString patientKey = QStringLiteral("mother");
};

// One line of the table / one key of the JSON object.
struct Figure {
    enum class Goal { None, AtLeast, AtMost };
    QString key;     // JSON key: raw_insert_rows_per_s
    QString label;   // table label
    double value = 0;
    QString unit;
    Goal goal = Goal::None;
    double target = 0;
    bool measured = false; // false: could not be measured (value meaningless)
    QString note;          // why not measured, or a remark

    [[nodiscard]] std::optional<bool> met() const
    {
        if (!measured || goal == Goal::None)
            return std::nullopt;
        return goal == Goal::AtLeast ? value >= target : value <= target;
    }
};

// Median of the values (0 for none).
double median(QList<double> values);

} // namespace hh::bench
