#include "core/demo/ReplayLibrary.h"

#include "core/demo/FhirService.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hh::demo {

namespace {

Error loadError(const QString& why, const QString& detail)
{
    return Error(
        ErrorCode::InvalidInput,
        QCoreApplication::translate("hh::demo::ReplayLibrary", "Cannot replay the recording: %1").arg(why),
        detail);
}

// The FHIR base of a recorded URL and the path below it.
bool splitRecordedUrl(const QUrl& url, QString* base, QString* path, Vendor* vendor)
{
    const QString full = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
    const QString decodedPath = url.path(QUrl::FullyDecoded);
    for (const auto& [marker, v] :
         {std::pair{u"/api/FHIR/R4"_s, Vendor::Epic}, std::pair{u"/fhir/r4"_s, Vendor::Athena}}) {
        const qsizetype at = full.indexOf(marker);
        const qsizetype pathAt = decodedPath.indexOf(marker);
        if (at < 0 || pathAt < 0)
            continue;
        *base = full.left(at + marker.size());
        *path = decodedPath.mid(pathAt + marker.size());
        while (path->startsWith(u'/'))
            path->remove(0, 1);
        *vendor = v;
        return true;
    }
    return false;
}

Result<ReplayLibrary::Recording> loadOne(const QString& dir)
{
    QFile f(QDir(dir).filePath(u"index.json"_s));
    if (!f.open(QIODevice::ReadOnly))
        return loadError(QCoreApplication::translate("hh::demo::ReplayLibrary", "no index.json in %1").arg(dir),
                         u"index.json missing"_s);
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return loadError(QCoreApplication::translate("hh::demo::ReplayLibrary", "index.json is not valid JSON"),
                         err.errorString());
    ReplayLibrary::Recording rec;
    rec.dir = dir;
    rec.name = QFileInfo(dir).fileName();
    bool haveVendor = false;
    const QJsonArray tracks = doc.object().value(u"tracks"_s).toArray();
    for (const QJsonValue& v : tracks) {
        const QJsonObject t = v.toObject();
        if (t.contains(u"repeat_of"_s))
            continue; // a repeat answers like its first occurrence
        const QUrl url(t.value(u"url"_s).toString());
        QString base, path;
        Vendor vendor = Vendor::Epic;
        if (!splitRecordedUrl(url, &base, &path, &vendor))
            continue;
        if (!haveVendor) {
            rec.vendor = vendor;
            rec.recordedBase = base;
            haveVendor = true;
        }
        ReplayLibrary::Track track;
        track.method = t.value(u"method"_s).toString(u"GET"_s);
        track.path = path;
        track.query = ReplayLibrary::normalizedQuery(QUrlQuery(url));
        track.status = t.value(u"status"_s).toInt(200);
        track.contentType = t.value(u"content_type"_s).toString().toLatin1();
        track.file = t.value(u"file"_s).toString();
        track.note = t.value(u"note"_s).toString();
        if (rec.patientId.isEmpty() && path.startsWith(u"Patient/"_s) && !path.mid(8).contains(u'/'))
            rec.patientId = path.mid(8);
        rec.tracks.append(track);
    }
    if (rec.tracks.isEmpty())
        return loadError(
            QCoreApplication::translate("hh::demo::ReplayLibrary", "index.json lists no FHIR requests"),
            u"no tracks"_s);
    return rec;
}

} // namespace

QList<QPair<QString, QString>> ReplayLibrary::normalizedQuery(const QUrlQuery& query)
{
    QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
    std::sort(items.begin(), items.end());
    return items;
}

Result<QList<ReplayLibrary::Recording>> ReplayLibrary::load(const QString& dirPath)
{
    const QDir dir(dirPath);
    if (!dir.exists())
        return loadError(QCoreApplication::translate("hh::demo::ReplayLibrary", "%1 does not exist").arg(dirPath),
                         u"replay directory missing"_s);
    QList<Recording> out;
    if (dir.exists(u"index.json"_s)) {
        auto one = loadOne(dir.absolutePath());
        if (!one)
            return one.error();
        out.append(std::move(one).value());
        return out;
    }
    const QStringList subdirs = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& sub : subdirs) {
        if (!QDir(dir.filePath(sub)).exists(u"index.json"_s))
            continue;
        auto one = loadOne(dir.filePath(sub));
        if (!one)
            return one.error();
        out.append(std::move(one).value());
    }
    if (out.isEmpty())
        return loadError(
            QCoreApplication::translate("hh::demo::ReplayLibrary", "no index.json under %1").arg(dirPath),
            u"no recordings"_s);
    return out;
}

DemoResponse ReplayLibrary::respond(const Recording& rec, const EndpointConfig& ep, const QString& relPath,
                                    const DemoRequest& request)
{
    const auto query = normalizedQuery(request.query());
    for (const Track& t : rec.tracks) {
        if (t.method != QString::fromLatin1(request.method) || t.path != relPath || t.query != query)
            continue;
        DemoResponse r;
        r.status = t.status;
        if (!t.file.isEmpty()) {
            QFile f(QDir(rec.dir).filePath(t.file));
            if (!f.open(QIODevice::ReadOnly))
                return FhirService::outcome(ep.vendor, 500, u"exception"_s, u"The recorded body is missing."_s);
            r.body = f.readAll();
            r.body.replace(rec.recordedBase.toUtf8(), ep.fhirBase().toUtf8());
        } else if (t.contentType.startsWith("text/html")) {
            r.body = "<!DOCTYPE html><html><head><title>404 - Not Found</title></head><body>"
                     "<h1>404 - File or directory not found.</h1></body></html>";
        }
        if (!t.contentType.isEmpty() && !r.body.isEmpty())
            r.setHeader("Content-Type", t.contentType);
        return r;
    }
    return FhirService::outcome(ep.vendor, 404, u"not-found"_s, u"This request was not recorded."_s, relPath);
}

} // namespace hh::demo
