#include "core/records/IpsComposer.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hh::records {

namespace {
QJsonObject loinc(const QString& code, const QString& display)
{
    return QJsonObject{{"coding"_L1, QJsonArray{QJsonObject{{"system"_L1, u"http://loinc.org"_s},
                                                            {"code"_L1, code},
                                                            {"display"_L1, display}}}}};
}

QString xhtml(const QString& inner)
{
    return u"<div xmlns=\"http://www.w3.org/1999/xhtml\">"_s + inner + u"</div>"_s;
}
} // namespace

QString IpsComposer::sectionCode(IpsSection section)
{
    switch (section) {
    case IpsSection::Problems:
        return u"11450-4"_s;
    case IpsSection::Allergies:
        return u"48765-2"_s;
    case IpsSection::Medications:
        return u"10160-0"_s;
    case IpsSection::Immunizations:
        return u"11369-6"_s;
    case IpsSection::Results:
        return u"30954-2"_s;
    case IpsSection::VitalSigns:
        return u"8716-3"_s;
    case IpsSection::Procedures:
        return u"47519-4"_s;
    }
    return {};
}

// The exchange format's own English titles (not translated: the document is for other software).
QString IpsComposer::sectionTitle(IpsSection section)
{
    switch (section) {
    case IpsSection::Problems:
        return u"Problem list"_s;
    case IpsSection::Allergies:
        return u"Allergies and intolerances"_s;
    case IpsSection::Medications:
        return u"Medication summary"_s;
    case IpsSection::Immunizations:
        return u"Immunizations"_s;
    case IpsSection::Results:
        return u"Results"_s;
    case IpsSection::VitalSigns:
        return u"Vital signs"_s;
    case IpsSection::Procedures:
        return u"History of procedures"_s;
    }
    return {};
}

bool IpsComposer::isRequired(IpsSection section)
{
    return section == IpsSection::Problems || section == IpsSection::Allergies || section == IpsSection::Medications;
}

QJsonObject IpsComposer::composition(const Input& input)
{
    static const QHash<QString, QString> kSectionDisplay = {
        {u"11450-4"_s, u"Problem list - Reported"_s},
        {u"48765-2"_s, u"Allergies and adverse reactions Document"_s},
        {u"10160-0"_s, u"History of Medication use Narrative"_s},
        {u"11369-6"_s, u"History of Immunization Narrative"_s},
        {u"30954-2"_s, u"Relevant diagnostic tests/laboratory data Narrative"_s},
        {u"8716-3"_s, u"Vital signs"_s},
        {u"47519-4"_s, u"History of Procedures Document"_s},
    };
    QJsonArray sections;
    for (const auto& [section, entries] : input.sections) {
        if (entries.isEmpty() && !isRequired(section))
            continue;
        const QString code = sectionCode(section);
        QJsonObject s;
        s.insert("title"_L1, sectionTitle(section));
        s.insert("code"_L1, loinc(code, kSectionDisplay.value(code)));
        if (entries.isEmpty()) {
            s.insert("text"_L1, QJsonObject{{"status"_L1, u"generated"_s},
                                            {"div"_L1, xhtml(u"<p>No information available.</p>"_s)}});
            s.insert("emptyReason"_L1,
                     QJsonObject{{"coding"_L1, QJsonArray{QJsonObject{
                                                   {"system"_L1, u"http://terminology.hl7.org/CodeSystem/list-empty-reason"_s},
                                                   {"code"_L1, u"unavailable"_s},
                                                   {"display"_L1, u"Unavailable"_s}}}}});
        } else {
            QString items;
            QJsonArray refs;
            for (const IpsEntry& e : entries) {
                QString line = e.display.toHtmlEscaped();
                if (!e.detail.isEmpty())
                    line += u" — "_s + e.detail.toHtmlEscaped();
                if (!e.date.isEmpty())
                    line += u" ("_s + e.date.left(10).toHtmlEscaped() + u")"_s;
                items += u"<li>"_s + line + u"</li>"_s;
                refs.append(QJsonObject{{"reference"_L1, u"urn:uuid:"_s + e.exportId}});
            }
            s.insert("text"_L1, QJsonObject{{"status"_L1, u"generated"_s}, {"div"_L1, xhtml(u"<ul>"_s + items + u"</ul>"_s)}});
            s.insert("entry"_L1, refs);
        }
        sections.append(s);
    }
    const QString when = input.date.toUTC().toString(Qt::ISODate);
    QJsonObject c;
    c.insert("resourceType"_L1, u"Composition"_s);
    c.insert("id"_L1, input.compositionId);
    c.insert("status"_L1, u"final"_s);
    c.insert("type"_L1, loinc(u"60591-5"_s, u"Patient summary Document"_s));
    c.insert("subject"_L1, QJsonObject{{"reference"_L1, u"urn:uuid:"_s + input.patientId}});
    c.insert("date"_L1, when);
    c.insert("author"_L1, QJsonArray{QJsonObject{{"reference"_L1, u"urn:uuid:"_s + input.authorId}}});
    c.insert("title"_L1, u"Patient Summary as of %1"_s.arg(input.date.toUTC().date().toString(Qt::ISODate)));
    c.insert("confidentiality"_L1, u"N"_s);
    c.insert("section"_L1, sections);
    return c;
}

} // namespace hh::records
