#pragma once

#include "core/clinical/CleanRecord.h"

#include <QJsonObject>
#include <QString>

#include <initializer_list>
#include <optional>
#include <span>

// The pieces of the profile summary built from one clean record (the items, values and codes of
// SummaryBuilder.h's document), shared by SummaryAccumulator and the tests' reference builder, and the
// vital-sign LOINC list the records views use too.
namespace hh::clinical::summary {

// {system, code}
[[nodiscard]] QJsonObject codeJson(const QString& system, const QString& code);
// display, code, sources, resource_type, dedup_key, status, effective_at/end, conflicts.
[[nodiscard]] QJsonObject baseItem(const CleanRecord& c);
// LOINC codes of vital signs (blood pressure, heart rate, weight, BMI ...).
[[nodiscard]] bool isVitalSignLoinc(const QString& loinc);

enum class ObsKind { Vital, Lab, Other };
// Vital sign, lab result or other observation: by category, else by code.
[[nodiscard]] ObsKind obsKind(const CleanRecord& c);
// The number a trend follows: the value, or the systolic component of a blood pressure.
[[nodiscard]] std::optional<double> trendValue(const CleanRecord& c);
// value, unit, text, original value/unit, range, abnormal flag and components.
[[nodiscard]] QJsonObject valueJson(const CleanRecord& c);

// Childhood schedule (CDC, simplified): age in months by which dose n is expected.
struct Schedule {
    const char16_t* family;
    std::initializer_list<int> dueMonths;
    int maxAgeMonths; // not recommended after this age (catch-up ends)
};
[[nodiscard]] std::span<const Schedule> childSchedule();
// An immunizations_due item.
[[nodiscard]] QJsonObject dueItem(const QString& family, int dose, const QString& reason);

} // namespace hh::clinical::summary
