#include "core/clinical/ClinicalTime.h"

namespace hh::clinical {

namespace {

constexpr qint64 kMsPerDay = 86'400'000;

struct Civil {
    int year;
    int month;
    int day;
};

Civil civilFromDays(qint64 z)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 y = yoe + era * 400;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 d = doy - (153 * mp + 2) / 5 + 1;
    const qint64 m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (m == 2 && isLeap(y)) ? 29 : kDays[m - 1];
}

// Reads exactly n ASCII digits at pos; -1 when they are not there.
int digits(QStringView s, qsizetype pos, int n)
{
    if (pos < 0 || pos + n > s.size())
        return -1;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const char16_t c = s[pos + i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        v = v * 10 + (c - u'0');
    }
    return v;
}

void put(char*& p, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        p[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    p += width;
}

} // namespace

qint64 ClinicalTimeParser::daysFromCivil(int year, int month, int day)
{
    const qint64 y = year - (month <= 2 ? 1 : 0);
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

QString ClinicalTimeParser::dayToIso(qint64 day)
{
    const Civil c = civilFromDays(day);
    if (c.year < 0 || c.year > 9999)
        return {};
    char buf[16];
    char* p = buf;
    put(p, c.year, 4);
    *p++ = '-';
    put(p, c.month, 2);
    *p++ = '-';
    put(p, c.day, 2);
    return QString::fromLatin1(buf, p - buf);
}

QString ClinicalTimeParser::msToIso(qint64 ms)
{
    qint64 day = ms / kMsPerDay;
    qint64 rest = ms % kMsPerDay;
    if (rest < 0) {
        rest += kMsPerDay;
        --day;
    }
    const Civil c = civilFromDays(day);
    if (c.year < 0 || c.year > 9999)
        return {};
    const int msec = static_cast<int>(rest % 1000);
    const int secs = static_cast<int>(rest / 1000);
    char buf[32];
    char* p = buf;
    put(p, c.year, 4);
    *p++ = '-';
    put(p, c.month, 2);
    *p++ = '-';
    put(p, c.day, 2);
    *p++ = 'T';
    put(p, secs / 3600, 2);
    *p++ = ':';
    put(p, (secs / 60) % 60, 2);
    *p++ = ':';
    put(p, secs % 60, 2);
    *p++ = '.';
    put(p, msec, 3);
    *p++ = 'Z';
    return QString::fromLatin1(buf, p - buf);
}

ClinicalTime ClinicalTimeParser::parse(QStringView s)
{
    ClinicalTime t;
    s = s.trimmed();
    if (s.size() < 4 || s.size() > 40)
        return t;
    const int year = digits(s, 0, 4);
    if (year < 1)
        return t;
    int month = 1;
    int day = 1;
    TimePrecision precision = TimePrecision::Year;
    if (s.size() > 4) {
        if (s[4] != u'-')
            return t;
        month = digits(s, 5, 2);
        if (month < 1 || month > 12)
            return t;
        precision = TimePrecision::Month;
        if (s.size() > 7) {
            if (s[7] != u'-')
                return t;
            day = digits(s, 8, 2);
            if (day < 1 || day > daysInMonth(year, month))
                return t;
            precision = TimePrecision::Day;
            if (s.size() > 10 && s[10] != u'T')
                return t;
        } else if (s.size() != 7) {
            return t;
        }
    }
    const qint64 dayNumber = daysFromCivil(year, month, day);
    t.localDay = static_cast<qint32>(dayNumber);
    t.localDate = dayToIso(dayNumber);
    if (precision != TimePrecision::Day || s.size() == 10) {
        if (precision == TimePrecision::Year && s.size() != 4)
            return ClinicalTime{};
        t.valid = true;
        t.precision = precision;
        t.iso = s.toString();
        t.utcMs = dayNumber * kMsPerDay;
        return t;
    }
    // Time part: Thh:mm[:ss[.fff...]][Z|+hh:mm|-hh:mm]
    qsizetype pos = 11;
    const int hour = digits(s, pos, 2);
    if (hour < 0 || hour > 24 || pos + 2 >= s.size() + 1)
        return ClinicalTime{};
    pos += 2;
    if (pos >= s.size() || s[pos] != u':')
        return ClinicalTime{};
    const int minute = digits(s, pos + 1, 2);
    if (minute < 0 || minute > 59)
        return ClinicalTime{};
    pos += 3;
    int second = 0;
    int millis = 0;
    if (pos < s.size() && s[pos] == u':') {
        second = digits(s, pos + 1, 2);
        if (second < 0 || second > 60)
            return ClinicalTime{};
        pos += 3;
        if (pos < s.size() && s[pos] == u'.') {
            ++pos;
            int scale = 100;
            const qsizetype start = pos;
            while (pos < s.size() && s[pos].unicode() >= u'0' && s[pos].unicode() <= u'9') {
                millis += (s[pos].unicode() - u'0') * scale;
                scale /= 10;
                ++pos;
            }
            if (pos == start)
                return ClinicalTime{};
        }
    }
    if (hour == 24 && (minute != 0 || second != 0 || millis != 0))
        return ClinicalTime{};
    int offsetMinutes = 0;
    const bool localMidnight = hour == 0 && minute == 0 && second == 0 && millis == 0;
    if (pos < s.size()) {
        const QChar c = s[pos];
        if (c == u'Z' && pos + 1 == s.size()) {
            ++pos;
        } else if ((c == u'+' || c == u'-') && pos + 6 == s.size() && s[pos + 3] == u':') {
            const int oh = digits(s, pos + 1, 2);
            const int om = digits(s, pos + 4, 2);
            if (oh < 0 || oh > 14 || om < 0 || om > 59)
                return ClinicalTime{};
            offsetMinutes = (oh * 60 + om) * (c == u'-' ? -1 : 1);
            pos += 6;
            // Exactly local midnight with the sender's own offset is how some systems (athenahealth's
            // lab results, in the corpus) write a result that has only a date: keep it a date, so it
            // matches the same test timed on that day by another health system.
            if (localMidnight)
                return parse(s.left(10));
        } else {
            return ClinicalTime{};
        }
    }
    // A time without zone is not valid FHIR; accept it as UTC rather than dropping the date.
    const qint64 ms = dayNumber * kMsPerDay + ((hour * 60 + minute) * 60 + qMin(second, 59)) * qint64(1000)
                      + millis - qint64(offsetMinutes) * 60'000;
    t.iso = msToIso(ms);
    if (t.iso.isEmpty())
        return ClinicalTime{};
    t.valid = true;
    t.precision = TimePrecision::Time;
    t.utcMs = ms;
    return t;
}

} // namespace hh::clinical
