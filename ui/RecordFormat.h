#pragma once

#include "core/records/RecordTypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>
#include <QString>

#include <optional>

namespace hh::ui {

// Wording and formatting of record data for people: dates and numbers through QLocale, statuses
// and flags translated. Stateless; any thread (the PDF is rendered off the GUI thread).
class RecordFormat
{
    Q_DECLARE_TR_FUNCTIONS(hh::ui::RecordFormat)
public:
    // A date nobody can misread, whatever the locale: the day, the abbreviated month name and the four-digit year
    // in the locale's order ("Feb 14, 2019", "14 feb 2019", "14. Feb. 2019"; "14 Feb 2019" in C) — never the short
    // numeric form, whose "2/3/46" is 3 February in one country and 2 March in the next. Every date shown to
    // people goes through here (or the functions below, which do).
    [[nodiscard]] static QString calendarDate(QDate date, const QLocale& locale = QLocale());
    // calendarDate() and the local time in hours and minutes ("Feb 14, 2019 10:05 AM").
    [[nodiscard]] static QString calendarDateTime(const QDateTime& time, const QLocale& locale = QLocale());
    // A stored time (UTC ISO 8601 or a date "YYYY-MM-DD"): the local calendar date through calendarDate(); a year
    // alone or a month ("2019-02" -> "Feb 2019") as given.
    [[nodiscard]] static QString date(const QString& iso, const QLocale& locale = QLocale());
    // Date and local time (calendarDateTime()) when the source gave a time, else the date.
    [[nodiscard]] static QString dateTime(const QString& iso, const QLocale& locale = QLocale());
    // A calendar date in the locale's long format without the weekday ("14 March 1955").
    [[nodiscard]] static QString longDate(QDate date, const QLocale& locale = QLocale());
    // Parsed; invalid when empty or unreadable. Date-only values are midnight UTC.
    [[nodiscard]] static QDateTime parse(const QString& iso);

    [[nodiscard]] static QString number(double value, const QLocale& locale = QLocale());
    // A UCUM unit code as people write it: "Cel" -> "°C", "mm[Hg]" -> "mmHg", "kg/m2" -> "kg/m²",
    // "mL/min/{1.73_m2}" -> "mL/min/1.73 m²", "10*3/uL" -> "10³/µL". Unitless codes ("1", "{count}") give "".
    // Display only: stored records and exports keep the UCUM code.
    [[nodiscard]] static QString unit(const QString& ucum);
    // "8.1 %", "<5 mg/dL", "72/min", "36.7 °C", "Positive", "" (no value); the unit through unit(). A body mass
    // index (kg/m2) with one decimal ("27.1 kg/m²"), other values as precise as they were measured.
    [[nodiscard]] static QString value(const std::optional<double>& number, const QString& unit, const QString& text,
                                       const QLocale& locale = QLocale());
    // The same for a JSON value object {"value": number, "unit": UCUM, "text": ...} (summaries, conflicts, components).
    [[nodiscard]] static QString value(const QJsonObject& value, const QLocale& locale = QLocale());
    // A summary result: value() of its value object, else its components' numbers joined by '/' with the first
    // component's unit ("140/77 mmHg").
    [[nodiscard]] static QString resultValue(const QJsonObject& value, const QLocale& locale = QLocale());
    // o[key] when it is a number.
    [[nodiscard]] static std::optional<double> jsonNumber(const QJsonObject& o, QLatin1StringView key);
    // "4–5.6", "< 5.6", "> 4", or the range text.
    [[nodiscard]] static QString range(const std::optional<double>& low, const std::optional<double>& high,
                                       const QString& text, const QLocale& locale = QLocale());

    // "High", "Low", "Critically high" ... for an interpretation code; empty for none/normal.
    [[nodiscard]] static QString abnormalLabel(const QString& flag);
    [[nodiscard]] static bool isAbnormal(const QString& flag);
    [[nodiscard]] static QString trendLabel(records::Trend trend);
    // "↑", "↓", "→" or empty.
    [[nodiscard]] static QString trendArrow(records::Trend trend);
    // FHIR status codes in words ("active" -> "Active", "entered-in-error" -> "Entered in error").
    [[nodiscard]] static QString status(const QString& status);
    // profile_emr_connections.status in words.
    [[nodiscard]] static QString connectionStatus(const QString& status);
    // profile_sync_jobs.status in words.
    [[nodiscard]] static QString jobStatus(const QString& status);
    [[nodiscard]] static QString summaryStatus(records::SummaryStatus status);
    // "SNOMED CT", "LOINC", "RxNorm", ... or the URI.
    [[nodiscard]] static QString codeSystem(const QString& system);
    // "SNOMED CT 44054006", or the code alone.
    [[nodiscard]] static QString code(const QString& system, const QString& code);
    // "Epic", "athenahealth", "Other".
    [[nodiscard]] static QString vendor(const QString& provider);
    // "Synced 1 May 2024 10:00", "Never synced", "Syncing…".
    [[nodiscard]] static QString syncState(const records::ProfileOverview& overview, const QLocale& locale = QLocale());
    // "2 conditions · 3 medications · 1 allergy" (plural forms through %n).
    [[nodiscard]] static QString counts(const records::ProfileOverview& overview);
    // One line about an alert ("Hemoglobin A1c is high: 8.1 %").
    [[nodiscard]] static QString alert(const records::ProfileAlert& alert);
    // Criticality of an allergy in words.
    [[nodiscard]] static QString criticality(const QString& criticality);
    // An allergy's reactions ([{manifestations, severity, description}] or strings) as one line.
    [[nodiscard]] static QString reactions(const QJsonValue& reactions);
    // A record field named in a conflict ("value", "status" ...) in words.
    [[nodiscard]] static QString fieldName(const QString& field);
    // A MIME type in words ("PDF", "Web page", "Text").
    [[nodiscard]] static QString contentType(const QString& mime);
};

} // namespace hh::ui
