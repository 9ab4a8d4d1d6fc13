#pragma once

#include "core/clinical/ClinicalTypes.h"

#include <QString>
#include <QStringView>

namespace hh::clinical {

// A FHIR date, dateTime or instant, parsed without QDateTime (fast, strict, never throws).
//
// Contract: `iso` is what the normalized tables store — date-only values keep their precision
// ("2020", "2020-03", "2020-03-26"); values with a time become UTC "yyyy-MM-ddTHH:mm:ss.zzzZ".
// `localDate` is the calendar date as written by the sender (before conversion to UTC), which is
// what "same day" comparisons across vendors use (athena sends dates, Epic UTC, Synthea offsets).
// A value that does not parse gives valid == false and everything empty.
struct ClinicalTime {
    bool valid = false;
    TimePrecision precision = TimePrecision::None;
    QString iso;
    QString localDate;   // "yyyy-MM-dd" (first day of the month/year for coarser precision)
    qint64 utcMs = 0;    // ms since epoch; date-only values: midnight UTC of localDate
    qint32 localDay = 0; // days since 1970-01-01 of localDate

    [[nodiscard]] bool hasTime() const { return precision == TimePrecision::Time; }
};

class ClinicalTimeParser
{
public:
    // Parses YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.fff]][Z|±hh:mm].
    static ClinicalTime parse(QStringView text);
    // Days since 1970-01-01 for a proleptic Gregorian date.
    static qint64 daysFromCivil(int year, int month, int day);
    // "yyyy-MM-dd" for a day number.
    static QString dayToIso(qint64 day);
    // UTC "yyyy-MM-ddTHH:mm:ss.zzzZ" for ms since epoch.
    static QString msToIso(qint64 ms);
};

} // namespace hh::clinical
