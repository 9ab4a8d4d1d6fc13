#include "core/demo/DemoHttp.h"

using namespace Qt::StringLiterals;

namespace hh::demo {

QUrlQuery DemoRequest::form() const
{
    QByteArray b = body;
    b.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(b));
}

QUrlQuery DemoRequest::formQuery() const
{
    QString q = url.query(QUrl::FullyEncoded);
    q.replace(u'+', u"%20"_s);
    return QUrlQuery(q);
}

QString DemoRequest::bearerToken() const
{
    const QByteArray auth = header("authorization").trimmed();
    if (auth.size() < 7 || auth.left(7).toLower() != "bearer ")
        return {};
    return QString::fromLatin1(auth.mid(7).trimmed());
}

void DemoResponse::setHeader(const QByteArray& name, const QByteArray& value)
{
    for (auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray DemoResponse::header(const QByteArray& name) const
{
    for (const auto& h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

DemoResponse DemoResponse::json(int status, const QJsonObject& object, const QByteArray& contentType)
{
    return bytes(status, QJsonDocument(object).toJson(QJsonDocument::Compact), contentType);
}

DemoResponse DemoResponse::bytes(int status, const QByteArray& body, const QByteArray& contentType)
{
    DemoResponse r;
    r.status = status;
    r.body = body;
    if (!contentType.isEmpty())
        r.setHeader("Content-Type", contentType);
    return r;
}

DemoResponse DemoResponse::empty(int status)
{
    DemoResponse r;
    r.status = status;
    return r;
}

DemoResponse DemoResponse::redirect(const QUrl& location)
{
    DemoResponse r;
    r.status = 302;
    r.setHeader("Location", location.toEncoded());
    r.setHeader("Cache-Control", "no-store");
    return r;
}

DemoResponse DemoResponse::oauthError(int status, const QString& error, const QString& description)
{
    QJsonObject o{{u"error"_s, error}};
    if (!description.isEmpty())
        o[u"error_description"_s] = description;
    DemoResponse r = json(status, o, "application/json;charset=UTF-8");
    r.setHeader("Cache-Control", "no-store");
    r.setHeader("Pragma", "no-cache");
    return r;
}

QString queryValue(const QUrlQuery& query, const QString& key)
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace hh::demo
