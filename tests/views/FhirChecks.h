#pragma once

// Structural checks of an exported FHIR R4 Bundle (JSON), independent of the exporter's code.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

namespace hh::test {

using namespace Qt::StringLiterals;

namespace detail {
inline void collectReferences(const QJsonValue& v, QStringList& out, QStringList& problems, const QString& path)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.isEmpty())
            problems.append(u"empty object at "_s + path);
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == u"reference" && it.value().isString())
                out.append(it.value().toString());
            else
                collectReferences(it.value(), out, problems, path + u'.' + it.key());
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.isEmpty())
            problems.append(u"empty array at "_s + path);
        for (qsizetype i = 0; i < a.size(); ++i)
            collectReferences(a.at(i), out, problems, path + u'[' + QString::number(i) + u']');
    } else if (v.isString() && v.toString().isEmpty()) {
        problems.append(u"empty string at "_s + path);
    } else if (v.isNull()) {
        problems.append(u"null at "_s + path);
    }
}
} // namespace detail

// Empty when the bundle is structurally sound, else the problems found. Checks: Bundle of the
// expected type; entries with a unique fullUrl and a resource with resourceType and a valid id; no
// empty objects/arrays/strings or nulls (FHIR JSON rules); every reference outside a contained
// resource resolves to an entry's fullUrl; a document has identifier, timestamp and a Composition
// first whose subject and section entries resolve.
inline QStringList checkBundle(const QJsonObject& bundle, const QString& expectedType)
{
    QStringList problems;
    if (bundle.value("resourceType"_L1).toString() != u"Bundle")
        problems.append(u"resourceType is not Bundle"_s);
    if (bundle.value("type"_L1).toString() != expectedType)
        problems.append(u"type is %1, expected %2"_s.arg(bundle.value("type"_L1).toString(), expectedType));
    const QJsonArray entries = bundle.value("entry"_L1).toArray();
    if (entries.isEmpty())
        problems.append(u"no entries"_s);
    static const QRegularExpression idPattern(u"^[A-Za-z0-9\\-\\.]{1,64}$"_s);
    QSet<QString> fullUrls;
    QStringList references;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject e = entries.at(i).toObject();
        const QString fullUrl = e.value("fullUrl"_L1).toString();
        const QJsonObject r = e.value("resource"_L1).toObject();
        const QString where = u"entry[%1]"_s.arg(i);
        if (fullUrl.isEmpty())
            problems.append(where + u" has no fullUrl"_s);
        if (fullUrls.contains(fullUrl))
            problems.append(where + u" repeats fullUrl "_s + fullUrl);
        fullUrls.insert(fullUrl);
        if (r.value("resourceType"_L1).toString().isEmpty())
            problems.append(where + u" has no resourceType"_s);
        const QString id = r.value("id"_L1).toString();
        if (!idPattern.match(id).hasMatch())
            problems.append(where + u" has an invalid id"_s);
        QStringList refs;
        QJsonObject withoutContained = r;
        withoutContained.remove("contained"_L1);
        detail::collectReferences(withoutContained, refs, problems, where);
        for (const QString& ref : std::as_const(refs))
            if (!ref.startsWith(u'#'))
                references.append(ref);
    }
    for (const QString& ref : std::as_const(references))
        if (!fullUrls.contains(ref))
            problems.append(u"reference %1 does not resolve in the bundle"_s.arg(ref));
    if (expectedType == u"document") {
        const QJsonObject id = bundle.value("identifier"_L1).toObject();
        if (id.value("system"_L1).toString().isEmpty() || id.value("value"_L1).toString().isEmpty())
            problems.append(u"document without identifier"_s);
        if (bundle.value("timestamp"_L1).toString().isEmpty())
            problems.append(u"document without timestamp"_s);
        const QJsonObject first = entries.isEmpty() ? QJsonObject()
                                                    : entries.first().toObject().value("resource"_L1).toObject();
        if (first.value("resourceType"_L1).toString() != u"Composition")
            problems.append(u"first entry is not a Composition"_s);
        if (first.value("subject"_L1).toObject().value("reference"_L1).toString().isEmpty())
            problems.append(u"Composition without subject"_s);
        if (first.value("author"_L1).toArray().isEmpty())
            problems.append(u"Composition without author"_s);
    }
    return problems;
}

// The resources of a bundle of one type.
inline QList<QJsonObject> resourcesOf(const QJsonObject& bundle, const QString& type)
{
    QList<QJsonObject> out;
    for (const QJsonValue& e : bundle.value("entry"_L1).toArray()) {
        const QJsonObject r = e.toObject().value("resource"_L1).toObject();
        if (r.value("resourceType"_L1).toString() == type)
            out.append(r);
    }
    return out;
}

} // namespace hh::test
