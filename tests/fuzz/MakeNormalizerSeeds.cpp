// Writes the seed corpus of fuzz_normalizer from data the project wrote itself (the hand-written
// two-provider samples of tests/clinical/ClinicalSamples.h): each resource alone, each pair of the
// same fact as a Bundle, one Bundle of everything with a referenced Medication, and a few
// structural edge cases. Usage: fuzz_normalizer_seeds <output dir>
#include "clinical/ClinicalSamples.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

bool write(const QDir& dir, const QString& name, const QByteArray& bytes)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes) == bytes.size();
}

QJsonObject bundle(const QList<QJsonObject>& resources)
{
    QJsonArray entries;
    for (const QJsonObject& r : resources)
        entries.append(QJsonObject{{"fullUrl"_L1, r.value("resourceType"_L1).toString() + u'/' + r.value("id"_L1).toString()},
                                   {"resource"_L1, r}});
    return QJsonObject{{"resourceType"_L1, u"Bundle"_s}, {"type"_L1, u"searchset"_s}, {"entry"_L1, entries}};
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_normalizer_seeds <output dir>\n");
        return 2;
    }
    QDir dir(QString::fromLocal8Bit(argv[1]));
    if (!dir.mkpath(u"."_s)) {
        std::fprintf(stderr, "cannot create output directory\n");
        return 1;
    }
    int n = 0;
    bool ok = true;
    QList<QJsonObject> everything;
    for (const auto& s : hh::clinical::samples::all()) {
        const QJsonObject o = hh::clinical::samples::object(s.name);
        everything.append(o);
        ok = ok && write(dir, u"resource-"_s + QString::fromLatin1(s.name) + u".json"_s,
                         QJsonDocument(o).toJson(QJsonDocument::Compact));
        ++n;
    }
    // Pairs of the same fact (name-epic / name-athena) as one Bundle.
    for (const auto& s : hh::clinical::samples::all()) {
        QByteArray name(s.name);
        if (!name.endsWith("-epic"))
            continue;
        const QByteArray twin = name.left(name.size() - 5) + "-athena";
        const QJsonObject other = hh::clinical::samples::object(twin.constData());
        if (other.isEmpty())
            continue;
        ok = ok && write(dir, u"pair-"_s + QString::fromLatin1(name) + u".json"_s,
                         QJsonDocument(bundle({hh::clinical::samples::object(s.name), other})).toJson(QJsonDocument::Compact));
        ++n;
    }
    ok = ok && write(dir, u"bundle-all.json"_s, QJsonDocument(bundle(everything)).toJson(QJsonDocument::Compact));
    QJsonArray array;
    for (const QJsonObject& o : everything)
        array.append(o);
    ok = ok && write(dir, u"array-all.json"_s, QJsonDocument(array).toJson(QJsonDocument::Compact));
    ok = ok && write(dir, u"edge-empty-bundle.json"_s, R"({"resourceType":"Bundle","entry":[{},{"resource":5}]})");
    ok = ok && write(dir, u"edge-nested.json"_s,
                     R"({"resourceType":"Observation","code":{"coding":[{"system":"urn:oid:2.16.840.1.113883.6.1","code":"8480-6"}]},"component":[{"component":[]}],"valueQuantity":{"value":-0.0,"unit":"[degF]"}})");
    n += 4;
    std::printf("%d seeds written\n", n);
    return ok ? 0 : 1;
}
