#include "ui/RecordFormat.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

QDateTime RecordFormat::parse(const QString& iso)
{
    if (iso.isEmpty())
        return {};
    if (iso.size() <= 10) {
        QDate d = QDate::fromString(iso.left(10), Qt::ISODate);
        if (!d.isValid() && iso.size() == 7)
            d = QDate::fromString(iso + u"-01"_s, Qt::ISODate);
        if (!d.isValid() && iso.size() == 4)
            d = QDate::fromString(iso + u"-01-01"_s, Qt::ISODate);
        return d.isValid() ? QDateTime(d, QTime(0, 0), Qt::UTC) : QDateTime();
    }
    QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(iso, Qt::ISODate);
    return t;
}

namespace {
// The locale's long date format without the weekday ("dddd, MMMM d, yyyy" -> "MMMM d, yyyy"; "yyyy. MMMM d., dddd"
// -> "yyyy. MMMM d.").
QString longFormatWithoutWeekday(const QLocale& locale)
{
    QString format = locale.dateFormat(QLocale::LongFormat);
    static const QRegularExpression leading(u"^dddd[,.،]?\\s*"_s);
    static const QRegularExpression other(u"[,.،]?\\s*dddd"_s);
    if (format.contains(leading))
        format.remove(leading);
    else
        format.remove(other);
    return format.trimmed();
}
} // namespace

QString RecordFormat::calendarDate(QDate date, const QLocale& locale)
{
    if (!date.isValid())
        return {};
    // The long format's order and punctuation with the abbreviated month; the Iberian "d 'de' MMMM 'de' yyyy"
    // loses its "de"s, as people write the short month ("14 feb 2019"). Formats without a month name (Chinese,
    // Japanese, Korean) mark year, month and day with their own characters, which is unambiguous too.
    QString format = longFormatWithoutWeekday(locale);
    format.replace(u"MMMM"_s, u"MMM"_s);
    static const QRegularExpression quotedWord(u"\\s'[^'\\s]+'(?=\\s)"_s);
    format.remove(quotedWord);
    if (!format.contains(u"yyyy"_s) || !format.contains(u'd') || !format.contains(u'M'))
        format = u"d MMM yyyy"_s;
    return locale.toString(date, format);
}

QString RecordFormat::calendarDateTime(const QDateTime& time, const QLocale& locale)
{
    if (!time.isValid())
        return {};
    // Minutes are precise enough for people (some locales' short format has seconds).
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(u":ss"_s);
    const QDateTime local = time.toLocalTime();
    return calendarDate(local.date(), locale) + u' ' + locale.toString(local.time(), format);
}

QString RecordFormat::date(const QString& iso, const QLocale& locale)
{
    if (iso.isEmpty())
        return {};
    const QDateTime t = parse(iso);
    if (!t.isValid())
        return iso;
    // A date-only value is a calendar date: no time zone shift.
    if (iso.size() <= 10) {
        if (iso.size() == 4)
            return iso;
        if (iso.size() == 7)
            return locale.toString(t.date(), u"MMM yyyy"_s);
        return calendarDate(t.date(), locale);
    }
    return calendarDate(t.toLocalTime().date(), locale);
}

QString RecordFormat::longDate(QDate date, const QLocale& locale)
{
    if (!date.isValid())
        return {};
    return locale.toString(date, longFormatWithoutWeekday(locale));
}

QString RecordFormat::dateTime(const QString& iso, const QLocale& locale)
{
    if (iso.size() <= 10)
        return date(iso, locale);
    const QDateTime t = parse(iso);
    if (!t.isValid())
        return iso;
    return calendarDateTime(t, locale);
}

QString RecordFormat::number(double value, const QLocale& locale)
{
    // Up to 6 significant digits, no trailing zeros, no exponent for everyday lab values.
    if (std::abs(value) >= 1e6 || (value != 0 && std::abs(value) < 1e-4))
        return locale.toString(value, 'g', 6);
    QString s = locale.toString(value, 'f', 4);
    const QString dp = locale.decimalPoint();
    if (s.contains(dp)) {
        while (s.endsWith(u'0'))
            s.chop(1);
        if (s.endsWith(dp))
            s.chop(dp.size());
    }
    return s;
}

namespace {
QString superscript(QStringView digits)
{
    static constexpr char16_t kSup[] = u"⁰¹²³⁴⁵⁶⁷⁸⁹";
    QString out;
    for (const QChar c : digits)
        out += c == u'-' ? QChar(u'⁻') : QChar(kSup[c.unicode() - u'0']);
    return out;
}

bool isAtomStart(const QString& s, qsizetype i)
{
    return i == 0 || QStringView(u"/.( *").contains(s.at(i - 1));
}
} // namespace

QString RecordFormat::unit(const QString& ucum)
{
    const QString code = ucum.trimmed();
    // Unitless: "1", or an annotation alone ("{count}", "{score}").
    if (code.isEmpty() || code == u"1"
        || (code.startsWith(u'{') && code.endsWith(u'}') && code.count(u'{') == 1))
        return {};
    // Whole codes with a customary spelling.
    static const QHash<QString, QString> whole{
        {u"Cel"_s, u"°C"_s},     {u"[degF]"_s, u"°F"_s},  {u"mm[Hg]"_s, u"mmHg"_s}, {u"cm[H2O]"_s, u"cmH₂O"_s},
        {u"[in_i]"_s, u"in"_s},  {u"[ft_i]"_s, u"ft"_s},  {u"[lb_av]"_s, u"lb"_s},  {u"[oz_av]"_s, u"oz"_s},
        {u"[IU]"_s, u"IU"_s},    {u"[iU]"_s, u"IU"_s},    {u"[pH]"_s, u"pH"_s},
    };
    if (const auto it = whole.constFind(code); it != whole.cend())
        return *it;

    // Otherwise part by part. Annotations become their text ("{1.73_m2}" -> "1.73 m2"), bracketed atoms
    // lose their brackets ("[IU]/L" -> "IU/L", "[in_i]" -> "in" ...).
    QString s = code;
    static const QRegularExpression annotation(u"\\{([^{}]*)\\}"_s);
    for (QRegularExpressionMatch m = annotation.match(s); m.hasMatch(); m = annotation.match(s))
        s.replace(m.capturedStart(), m.capturedLength(), m.captured(1).replace(u'_', u' '));
    for (auto it = whole.cbegin(); it != whole.cend(); ++it) {
        if (it.key().startsWith(u'['))
            s.replace(it.key(), *it);
    }
    s.remove(u'[').remove(u']');

    // Powers: "10*3" / "10^3" -> "10³"; a letter's exponent before the end or an operator ("m2" -> "m²",
    // but not "H2O").
    static const QRegularExpression tenPower(u"10[*^](-?[0-9]+)"_s);
    for (QRegularExpressionMatch m = tenPower.match(s); m.hasMatch(); m = tenPower.match(s))
        s.replace(m.capturedStart(), m.capturedLength(), u"10"_s + superscript(m.capturedView(1)));
    static const QRegularExpression letterPower(u"(?<=[A-Za-z])(-?[0-9]+)(?=$|[/.) ])"_s);
    for (QRegularExpressionMatch m = letterPower.match(s); m.hasMatch(); m = letterPower.match(s))
        s.replace(m.capturedStart(), m.capturedLength(), superscript(m.capturedView(1)));

    // The micro prefix: "ug", "umol", "uL", "uU" ... -> "µg", "µmol", "µL", "µU".
    for (qsizetype i = 0; i + 1 < s.size(); ++i) {
        if (s.at(i) == u'u' && isAtomStart(s, i) && QStringView(u"gLlmsUek").contains(s.at(i + 1)))
            s[i] = QChar(u'µ');
    }
    return s;
}

QString RecordFormat::value(const std::optional<double>& n, const QString& unitCode, const QString& text,
                            const QLocale& locale)
{
    if (!n)
        return text;
    // A body mass index is computed from weight and height: one decimal is all it means ("27.14" reads 27.1).
    const QString shown = number(unitCode.trimmed() == u"kg/m2" ? std::round(*n * 10) / 10 : *n, locale);
    const QString u = unit(unitCode);
    if (u.isEmpty())
        return shown;
    // A rate reads "72/min", not "72 /min".
    if (u.startsWith(u'/'))
        return shown + u;
    return tr("%1 %2", "value and unit").arg(shown, u);
}

QString RecordFormat::value(const QJsonObject& v, const QLocale& locale)
{
    return value(jsonNumber(v, "value"_L1), v.value("unit"_L1).toString(), v.value("text"_L1).toString(), locale);
}

QString RecordFormat::resultValue(const QJsonObject& v, const QLocale& locale)
{
    const QString shown = value(v, locale);
    if (!shown.isEmpty())
        return shown;
    const QJsonArray components = v.value("components"_L1).toArray();
    QStringList numbers;
    for (const QJsonValue& c : components) {
        if (const auto n = jsonNumber(c.toObject(), "value"_L1))
            numbers.append(number(*n, locale));
    }
    const QString u = components.isEmpty() ? QString() : unit(components.first().toObject().value("unit"_L1).toString());
    return u.isEmpty() ? numbers.join(u'/') : numbers.join(u'/') + u' ' + u;
}

std::optional<double> RecordFormat::jsonNumber(const QJsonObject& o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

QString RecordFormat::range(const std::optional<double>& low, const std::optional<double>& high, const QString& text,
                            const QLocale& locale)
{
    if (low && high)
        return tr("%1–%2", "reference range").arg(number(*low, locale), number(*high, locale));
    if (high)
        return tr("≤ %1", "reference range").arg(number(*high, locale));
    if (low)
        return tr("≥ %1", "reference range").arg(number(*low, locale));
    return text;
}

bool RecordFormat::isAbnormal(const QString& a)
{
    return !a.isEmpty() && a != u"N" && a != u"NEG" && a != u"ND" && a != u"S";
}

QString RecordFormat::abnormalLabel(const QString& flag)
{
    if (flag == u"H" || flag == u">" || flag == u"HU")
        return tr("High");
    if (flag == u"L" || flag == u"<" || flag == u"LU")
        return tr("Low");
    if (flag == u"HH")
        return tr("Critically high");
    if (flag == u"LL")
        return tr("Critically low");
    if (flag == u"AA")
        return tr("Critical");
    if (flag == u"POS" || flag == u"DET")
        return tr("Positive");
    if (flag == u"R")
        return tr("Resistant");
    if (isAbnormal(flag))
        return tr("Abnormal");
    return {};
}

QString RecordFormat::trendLabel(Trend trend)
{
    switch (trend) {
    case Trend::Up:
        return tr("Rising");
    case Trend::Down:
        return tr("Falling");
    case Trend::Stable:
        return tr("Stable");
    case Trend::None:
        break;
    }
    return {};
}

QString RecordFormat::trendArrow(Trend trend)
{
    switch (trend) {
    case Trend::Up:
        return u"↑"_s;
    case Trend::Down:
        return u"↓"_s;
    case Trend::Stable:
        return u"→"_s;
    case Trend::None:
        break;
    }
    return {};
}

QString RecordFormat::status(const QString& s)
{
    if (s.isEmpty())
        return {};
    static const QHash<QString, const char*> words = {
        {u"active"_s, QT_TR_NOOP("Active")},
        {u"inactive"_s, QT_TR_NOOP("Inactive")},
        {u"resolved"_s, QT_TR_NOOP("Resolved")},
        {u"remission"_s, QT_TR_NOOP("In remission")},
        {u"recurrence"_s, QT_TR_NOOP("Recurred")},
        {u"relapse"_s, QT_TR_NOOP("Relapsed")},
        {u"completed"_s, QT_TR_NOOP("Completed")},
        {u"stopped"_s, QT_TR_NOOP("Stopped")},
        {u"on-hold"_s, QT_TR_NOOP("On hold")},
        {u"cancelled"_s, QT_TR_NOOP("Cancelled")},
        {u"intended"_s, QT_TR_NOOP("Intended")},
        {u"draft"_s, QT_TR_NOOP("Draft")},
        {u"not-done"_s, QT_TR_NOOP("Not done")},
        {u"not-taken"_s, QT_TR_NOOP("Not taken")},
        {u"entered-in-error"_s, QT_TR_NOOP("Entered in error")},
        {u"final"_s, QT_TR_NOOP("Final")},
        {u"amended"_s, QT_TR_NOOP("Amended")},
        {u"corrected"_s, QT_TR_NOOP("Corrected")},
        {u"preliminary"_s, QT_TR_NOOP("Preliminary")},
        {u"registered"_s, QT_TR_NOOP("Registered")},
        {u"finished"_s, QT_TR_NOOP("Finished")},
        {u"planned"_s, QT_TR_NOOP("Planned")},
        {u"arrived"_s, QT_TR_NOOP("Arrived")},
        {u"triaged"_s, QT_TR_NOOP("Triaged")},
        {u"in-progress"_s, QT_TR_NOOP("In progress")},
        {u"onleave"_s, QT_TR_NOOP("On leave")},
        {u"current"_s, QT_TR_NOOP("Current")},
        {u"superseded"_s, QT_TR_NOOP("Superseded")},
        {u"unknown"_s, QT_TR_NOOP("Unknown")},
        {u"preparation"_s, QT_TR_NOOP("In preparation")},
        {u"mild"_s, QT_TR_NOOP("mild")},
        {u"moderate"_s, QT_TR_NOOP("moderate")},
        {u"severe"_s, QT_TR_NOOP("severe")},
    };
    const auto it = words.constFind(s);
    return it == words.cend() ? s : tr(*it);
}

QString RecordFormat::connectionStatus(const QString& s)
{
    if (s == u"connected")
        return tr("Connected");
    if (s == u"needs_reauth")
        return tr("Needs sign-in");
    if (s == u"error")
        return tr("Error");
    if (s == u"disconnected")
        return tr("Disconnected");
    return s;
}

QString RecordFormat::jobStatus(const QString& s)
{
    if (s == u"queued")
        return tr("Waiting");
    if (s == u"running")
        return tr("Syncing");
    if (s == u"success")
        return tr("Synced");
    if (s == u"partial")
        return tr("Partly synced");
    if (s == u"failed")
        return tr("Failed");
    if (s == u"cancelled")
        return tr("Cancelled");
    return s;
}

QString RecordFormat::summaryStatus(SummaryStatus s)
{
    switch (s) {
    case SummaryStatus::Absent:
        return tr("No records yet");
    case SummaryStatus::Syncing:
        return tr("Updating");
    case SummaryStatus::Ready:
        return tr("Up to date");
    case SummaryStatus::Error:
        return tr("Could not be updated");
    }
    return {};
}

QString RecordFormat::codeSystem(const QString& system)
{
    static const QHash<QString, QString> names = {
        {u"http://snomed.info/sct"_s, u"SNOMED CT"_s},
        {u"http://loinc.org"_s, u"LOINC"_s},
        {u"http://www.nlm.nih.gov/research/umls/rxnorm"_s, u"RxNorm"_s},
        {u"http://hl7.org/fhir/sid/cvx"_s, u"CVX"_s},
        {u"http://hl7.org/fhir/sid/icd-10-cm"_s, u"ICD-10-CM"_s},
        {u"http://hl7.org/fhir/sid/icd-9-cm"_s, u"ICD-9-CM"_s},
        {u"http://www.ama-assn.org/go/cpt"_s, u"CPT"_s},
        {u"http://hl7.org/fhir/sid/ndc"_s, u"NDC"_s},
        {u"http://hl7.org/fhir/sid/us-npi"_s, u"NPI"_s},
    };
    return names.value(system, system);
}

QString RecordFormat::code(const QString& system, const QString& c)
{
    if (c.isEmpty())
        return {};
    if (system.isEmpty())
        return c;
    return tr("%1 %2", "code system and code").arg(codeSystem(system), c);
}

QString RecordFormat::vendor(const QString& provider)
{
    if (provider == u"epic")
        return u"Epic"_s;
    if (provider == u"athena")
        return u"athenahealth"_s;
    return tr("Other");
}

QString RecordFormat::syncState(const ProfileOverview& o, const QLocale& locale)
{
    if (o.syncRunning || o.status == SummaryStatus::Syncing)
        return tr("Syncing…");
    if (o.connections.isEmpty())
        return tr("No health system connected");
    if (o.lastSyncedAt.isEmpty())
        return tr("Never synced");
    const QString when = dateTime(o.lastSyncedAt, locale);
    if (o.lastSyncFailed)
        return tr("Last sync failed");
    return tr("Synced %1").arg(when);
}

QString RecordFormat::counts(const ProfileOverview& o)
{
    const QString conditions = o.activeConditions == 1 ? tr("1 condition")
                                                       : tr("%n conditions", "active", o.activeConditions);
    const QString medications = o.activeMedications == 1 ? tr("1 medication")
                                                          : tr("%n medications", "active", o.activeMedications);
    const QString allergies = o.allergies == 0 && o.noKnownAllergies
                                  ? tr("no known allergies")
                                  : (o.allergies == 1 ? tr("1 allergy") : tr("%n allergies", "", o.allergies));
    return tr("%1 · %2 · %3", "counts on a profile card").arg(conditions, medications, allergies);
}

QString RecordFormat::alert(const ProfileAlert& a)
{
    if (a.kind == u"abnormal_result") {
        if (a.message.isEmpty())
            return tr("%1 is out of range").arg(a.display);
        return tr("%1 is out of range: %2").arg(a.display, a.message);
    }
    if (a.kind == u"conflicting_results")
        return tr("%1: the health systems disagree").arg(a.display);
    if (a.kind == u"needs_sign_in")
        return tr("%1 needs you to sign in again").arg(a.display);
    if (a.kind == u"connection_error")
        return tr("%1 has a connection problem").arg(a.display);
    if (a.kind == u"sync_failed")
        return tr("Syncing %1 failed").arg(a.display);
    return a.display;
}

QString RecordFormat::criticality(const QString& c)
{
    if (c == u"high")
        return tr("High risk");
    if (c == u"low")
        return tr("Low risk");
    if (c == u"unable-to-assess")
        return tr("Unknown risk");
    return c;
}

QString RecordFormat::reactions(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& item : value.toArray()) {
        if (item.isString()) {
            out.append(item.toString());
            continue;
        }
        const QJsonObject o = item.toObject();
        QStringList names;
        for (const QJsonValue& m : o.value("manifestations"_L1).toArray())
            names.append(m.isString() ? m.toString() : m.toObject().value("display"_L1).toString());
        names.removeAll(QString());
        QString text = names.join(u", "_s);
        if (text.isEmpty())
            text = o.value("display"_L1).toString().isEmpty() ? o.value("description"_L1).toString()
                                                               : o.value("display"_L1).toString();
        const QString severity = o.value("severity"_L1).toString();
        if (!text.isEmpty() && !severity.isEmpty())
            text = tr("%1 (%2)", "reaction and severity").arg(text, status(severity));
        if (!text.isEmpty() && !out.contains(text))
            out.append(text);
    }
    return out.join(u"; "_s);
}

QString RecordFormat::fieldName(const QString& field)
{
    if (field == u"value" || field == u"value_num" || field == u"value_text")
        return tr("Result");
    if (field == u"unit")
        return tr("Unit");
    if (field == u"status")
        return tr("Status");
    if (field == u"effective_at")
        return tr("Date");
    if (field == u"display")
        return tr("Name");
    if (field == u"abnormal" || field == u"interpretation")
        return tr("Flag");
    if (field == u"dosage")
        return tr("Dose");
    if (field == u"birth_date")
        return tr("Date of birth");
    if (field == u"gender")
        return tr("Sex");
    return field;
}

QString RecordFormat::contentType(const QString& mime)
{
    const QString m = mime.section(u';', 0, 0).trimmed().toLower();
    if (m == u"application/pdf")
        return tr("PDF");
    if (m == u"text/html" || m == u"application/xhtml+xml")
        return tr("Web page");
    if (m.startsWith(u"text/"))
        return tr("Text");
    if (m.startsWith(u"image/"))
        return tr("Image");
    if (m.isEmpty())
        return tr("Unknown");
    return m;
}

} // namespace hh::ui
