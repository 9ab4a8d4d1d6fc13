#include "ui/SummaryHtml.h"

#include "ui/ProfileListModel.h"
#include "ui/RecordFormat.h"
#include "ui/Theme.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

struct Builder {
    const QPalette& palette;
    const QLocale& locale;
    QList<SummaryHtml::Link>* links;
    QString html;

    QString muted() const
    {
        QColor c = palette.color(QPalette::PlaceholderText);
        if (!c.isValid())
            c = palette.color(QPalette::Mid);
        return c.name();
    }
    QString alertColor() const { return errorTextColor(palette).name(); }

    QString linkColor() const
    {
        // The palette's link color, lightened when a dark theme left it dark.
        QColor c = palette.color(QPalette::Link);
        if (isDarkPalette(palette) && c.lightness() < 150)
            c = QColor(0x8a, 0xb4, 0xf8);
        return c.name();
    }
    QString link(const SummaryHtml::Link& l, const QString& text)
    {
        if (!links)
            return esc(text);
        links->append(l);
        return u"<a href=\"hh-link:%1\" style=\"color:%3\">%2</a>"_s.arg(links->size() - 1).arg(esc(text), linkColor());
    }
    QString recordLink(const QJsonObject& item)
    {
        SummaryHtml::Link l;
        l.resourceType = item.value("resource_type"_L1).toString();
        l.dedupKey = item.value("dedup_key"_L1).toString();
        const QString display = item.value("display"_L1).toString();
        if (l.resourceType.isEmpty() || l.dedupKey.isEmpty())
            return esc(display);
        return link(l, display);
    }
    void heading(const QString& text) { html += u"<h3>"_s + esc(text) + u"</h3>"_s; }
    void note(const QString& text)
    {
        html += u"<p style=\"color:%1\">%2</p>"_s.arg(muted(), esc(text));
    }
};

} // namespace

QString SummaryHtml::build(const Profile& profile, const ProfileSummary& summary, const QPalette& palette,
                           const QLocale& locale, QList<Link>* links)
{
    Builder b{palette, locale, links, {}};
    const QJsonObject& doc = summary.summary;
    b.html += u"<html><body>"_s;

    switch (summary.status) {
    case SummaryStatus::Absent:
        // One sentence for the translator, the link's text in place of %2 (word order differs by language).
        b.html += u"<p>"_s
                  + esc(tr("There are no records for %1 yet. %2 to bring them in; once synced, they stay readable "
                           "here without a network."))
                        .arg(esc(profile.displayName),
                             b.link(Link{Link::Kind::Connect, {}, {}, {}, {}, {}}, tr("Connect a health system")))
                  + u"</p>"_s;
        b.html += u"</body></html>"_s;
        return b.html;
    case SummaryStatus::Syncing:
        b.note(tr("Syncing now — this summary updates when it finishes."));
        break;
    case SummaryStatus::Error:
        b.html += u"<p style=\"color:%1\">%2</p>"_s.arg(
            b.alertColor(), esc(summary.errorMessage.isEmpty() ? tr("The summary could not be brought up to date.")
                                                               : summary.errorMessage));
        break;
    case SummaryStatus::Ready:
        break;
    }

    QHash<QString, QString> endpointNames;
    for (const QJsonValue& s : doc.value("sources"_L1).toArray()) {
        const QJsonObject o = s.toObject();
        endpointNames.insert(o.value("endpoint"_L1).toString(), o.value("name"_L1).toString());
    }

    // Alerts first: what needs attention.
    const QJsonArray alerts = doc.value("alerts"_L1).toArray();
    if (!alerts.isEmpty()) {
        b.heading(tr("Needs attention"));
        b.html += u"<ul>"_s;
        for (const QJsonValue& v : alerts) {
            const QJsonObject a = v.toObject();
            ProfileAlert alert;
            alert.kind = a.value("kind"_L1).toString();
            alert.display = a.value("display"_L1).toString();
            const QJsonObject value = a.value("value"_L1).toObject();
            alert.message = RecordFormat::value(value, locale);
            if (alert.kind == u"needs_sign_in" || alert.kind == u"connection_error")
                alert.display = a.value("display"_L1).toString(); // already a sentence
            const QString text = (alert.kind == u"needs_sign_in" || alert.kind == u"connection_error")
                                     ? alert.display
                                     : RecordFormat::alert(alert);
            b.html += u"<li style=\"color:%1\">%2</li>"_s.arg(b.alertColor(), esc(text));
        }
        b.html += u"</ul>"_s;
    }

    // About the person.
    const QJsonObject demo = doc.value("demographics"_L1).toObject();
    {
        QStringList facts;
        if (profile.dateOfBirth.isValid())
            facts.append(tr("Born %1").arg(RecordFormat::longDate(profile.dateOfBirth, locale)));
        facts.append(ProfileListModel::ageText(profile.dateOfBirth, QDate::currentDate()));
        const QString gender = demo.value("gender"_L1).toString();
        if (gender == u"female")
            facts.append(tr("Female"));
        else if (gender == u"male")
            facts.append(tr("Male"));
        const QString name = demo.value("name"_L1).toString();
        if (!name.isEmpty() && name != profile.displayName)
            facts.prepend(tr("Name in the records: %1").arg(name));
        b.html += u"<p>"_s + esc(facts.join(u" · "_s)) + u"</p>"_s;
    }

    auto list = [&](const QString& title, const QJsonArray& items, const QString& empty,
                    const std::function<QString(const QJsonObject&)>& detail) {
        b.heading(title);
        if (items.isEmpty()) {
            b.note(empty);
            return;
        }
        b.html += u"<ul>"_s;
        for (const QJsonValue& v : items) {
            const QJsonObject item = v.toObject();
            QString line = b.recordLink(item);
            const QString d = detail(item);
            if (!d.isEmpty())
                line += u" <span style=\"color:%1\">— %2</span>"_s.arg(b.muted(), esc(d));
            if (item.value("has_conflict"_L1).toBool())
                line += u" <span style=\"color:%1\">%2</span>"_s.arg(b.alertColor(), esc(tr("(sources disagree)")));
            b.html += u"<li>"_s + line + u"</li>"_s;
        }
        b.html += u"</ul>"_s;
    };

    list(tr("Conditions"), doc.value("conditions"_L1).toArray(), tr("No current conditions recorded."),
         [&](const QJsonObject& c) {
             const QString since = RecordFormat::date(c.value("onset"_L1).toString(), locale);
             return since.isEmpty() ? QString() : tr("since %1").arg(since);
         });
    list(tr("Medications"), doc.value("medications"_L1).toArray(), tr("No current medications recorded."),
         [&](const QJsonObject& m) {
             QStringList parts;
             if (!m.value("dosage"_L1).toString().isEmpty())
                 parts.append(m.value("dosage"_L1).toString());
             const QString since = RecordFormat::date(m.value("authored_at"_L1).toString(), locale);
             if (!since.isEmpty())
                 parts.append(tr("prescribed %1").arg(since));
             return parts.join(u" · "_s);
         });
    const bool nka = doc.value("no_known_allergies"_L1).toBool();
    list(tr("Allergies"), doc.value("allergies"_L1).toArray(),
         nka ? tr("No known allergies.") : tr("No allergies recorded."), [&](const QJsonObject& a) {
             QStringList parts;
             const QString risk = RecordFormat::criticality(a.value("criticality"_L1).toString());
             if (!risk.isEmpty())
                 parts.append(risk);
             const QString reactions = RecordFormat::reactions(a.value("reactions"_L1));
             if (!reactions.isEmpty())
                 parts.append(reactions);
             return parts.join(u" · "_s);
         });

    auto results = [&](const QString& title, const QJsonArray& items, const QString& empty) {
        b.heading(title);
        if (items.isEmpty()) {
            b.note(empty);
            return;
        }
        b.html += u"<table cellspacing=\"0\" cellpadding=\"4\" width=\"100%\"><tr>"_s;
        for (const QString& h : {tr("Test"), tr("Latest"), tr("Reference range"), tr("Trend"), tr("Date")})
            b.html += u"<th align=\"left\">"_s + esc(h) + u"</th>"_s;
        b.html += u"</tr>"_s;
        for (const QJsonValue& v : items) {
            const QJsonObject t = v.toObject();
            const QJsonObject value = t.value("value"_L1).toObject();
            const QString shown = RecordFormat::resultValue(value, locale);
            const QString flag = t.value("abnormal"_L1).toString();
            QString valueCell = esc(shown);
            if (RecordFormat::isAbnormal(flag))
                valueCell = u"<b style=\"color:%1\">%2 (%3)</b>"_s.arg(b.alertColor(), esc(shown),
                                                                      esc(RecordFormat::abnormalLabel(flag)));
            const QJsonObject code = t.value("code"_L1).toObject();
            Link testLink{Link::Kind::Test, {}, {}, code.value("system"_L1).toString(), code.value("code"_L1).toString(),
                          t.value("display"_L1).toString()};
            const QString trendKey = t.value("trend"_L1).toString();
            const Trend trend = trendKey == u"up"     ? Trend::Up
                                : trendKey == u"down" ? Trend::Down
                                : trendKey == u"stable" ? Trend::Stable
                                                        : Trend::None;
            b.html += u"<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>"_s.arg(
                b.link(testLink, t.value("display"_L1).toString()), valueCell,
                esc(RecordFormat::range(RecordFormat::jsonNumber(value, "range_low"_L1), RecordFormat::jsonNumber(value, "range_high"_L1),
                                        value.value("range_text"_L1).toString(), locale)),
                esc(trend == Trend::None ? QString()
                                         : RecordFormat::trendArrow(trend) + u' ' + RecordFormat::trendLabel(trend)),
                esc(RecordFormat::date(t.value("effective_at"_L1).toString(), locale)));
        }
        b.html += u"</table>"_s;
    };
    results(tr("Recent lab results"), doc.value("labs"_L1).toArray(), tr("No lab results recorded."));
    results(tr("Vital signs"), doc.value("vitals"_L1).toArray(), tr("No vital signs recorded."));

    list(tr("Immunizations"), doc.value("immunizations"_L1).toArray(), tr("No immunizations recorded."),
         [&](const QJsonObject& i) {
             return RecordFormat::date(i.value("date"_L1).toString().isEmpty() ? i.value("effective_at"_L1).toString()
                                                                                : i.value("date"_L1).toString(),
                                       locale);
         });
    const QJsonArray due = doc.value("immunizations_due"_L1).toArray();
    if (!due.isEmpty()) {
        b.html += u"<p><b>"_s + esc(tr("Possibly due:")) + u"</b></p><ul>"_s;
        for (const QJsonValue& v : due) {
            const QJsonObject d = v.toObject();
            b.html += u"<li>%1 <span style=\"color:%2\">— %3</span></li>"_s.arg(
                esc(d.value("display"_L1).toString()), b.muted(), esc(d.value("reason"_L1).toString()));
        }
        b.html += u"</ul>"_s;
    }

    list(tr("Visits"), doc.value("encounters"_L1).toArray(), tr("No visits recorded."), [&](const QJsonObject& e) {
        QStringList parts;
        if (e.value("when"_L1).toString() == u"upcoming")
            parts.append(tr("upcoming"));
        parts.append(RecordFormat::dateTime(e.value("effective_at"_L1).toString(), locale));
        for (const auto key : {"location"_L1, "service_provider"_L1})
            if (!e.value(key).toString().isEmpty() && !parts.contains(e.value(key).toString()))
                parts.append(e.value(key).toString());
        parts.removeAll(QString());
        return parts.join(u" · "_s);
    });

    // Where it all came from.
    const QJsonArray sources = doc.value("sources"_L1).toArray();
    b.heading(tr("Sources"));
    if (sources.isEmpty()) {
        b.note(tr("No health system connected."));
    } else {
        b.html += u"<ul>"_s;
        for (const QJsonValue& v : sources) {
            const QJsonObject s = v.toObject();
            const QString last = s.value("last_synced_at"_L1).toString();
            b.html += u"<li>%1 <span style=\"color:%2\">— %3</span></li>"_s.arg(
                esc(s.value("name"_L1).toString().isEmpty() ? s.value("endpoint"_L1).toString()
                                                            : s.value("name"_L1).toString()),
                b.muted(),
                esc(tr("%1 · last synced %2 · %3 records")
                        .arg(RecordFormat::connectionStatus(s.value("status"_L1).toString()),
                             last.isEmpty() ? tr("never") : RecordFormat::dateTime(last, locale),
                             locale.toString(s.value("records"_L1).toInt()))));
        }
        b.html += u"</ul>"_s;
    }
    if (!summary.updatedAt.isEmpty())
        b.note(tr("Summary updated %1.").arg(RecordFormat::dateTime(summary.updatedAt, locale)));
    b.html += u"</body></html>"_s;
    return b.html;
}

} // namespace hh::ui
