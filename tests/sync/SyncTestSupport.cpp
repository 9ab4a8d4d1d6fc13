#include "sync/SyncTestSupport.h"

#include "core/Domain.h"
#include "db/ConnectionFactory.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUrlQuery>

namespace hh::synctest {

namespace {
struct Http {
    int status = 0;
    QByteArray body;
    QUrl location;
    QString error;
};

Http send(QNetworkAccessManager& nam, const QUrl& url, const QByteArray& form, bool post)
{
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(20000);
    QNetworkReply* reply = nullptr;
    if (post) {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = nam.post(req, form);
    } else {
        reply = nam.get(req);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Http h;
    h.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    h.body = reply->readAll();
    const QByteArray loc = reply->rawHeader("Location");
    if (!loc.isEmpty())
        h.location = url.resolved(QUrl::fromEncoded(loc));
    if (h.status == 0)
        h.error = reply->errorString();
    reply->deleteLater();
    return h;
}

QByteArray formBody(const QList<std::pair<QString, QString>>& fields)
{
    QByteArray out;
    for (const auto& [k, v] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    return out;
}

// action and txn of the page's form.
bool parseForm(const QByteArray& html, const QUrl& pageUrl, QUrl& action, QString& txn)
{
    const QString page = QString::fromUtf8(html);
    static const QRegularExpression actionRe(QStringLiteral("<form[^>]*action=\"([^\"]*)\""));
    static const QRegularExpression txnRe(QStringLiteral("name=\"txn\" value=\"([^\"]*)\""));
    const auto a = actionRe.match(page);
    const auto t = txnRe.match(page);
    if (!a.hasMatch() || !t.hasMatch())
        return false;
    action = pageUrl.resolved(QUrl(a.captured(1).replace(QStringLiteral("&amp;"), QStringLiteral("&"))));
    txn = t.captured(1);
    return true;
}

Error fail(const QString& detail)
{
    return Error(ErrorCode::Unauthorized, QStringLiteral("demo sign-in failed"), detail);
}

QString base64Url(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

Result<sync::AccessToken> signInToDemo(const QUrl& fhirBase, const QString& user)
{
    QNetworkAccessManager nam;
    const QString base = fhirBase.toString(QUrl::StripTrailingSlash);
    Http conf = send(nam, QUrl(base + QStringLiteral("/.well-known/smart-configuration")), {}, false);
    if (conf.status != 200)
        return fail(QStringLiteral("smart-configuration: HTTP %1 %2").arg(conf.status).arg(conf.error));
    const QJsonObject c = QJsonDocument::fromJson(conf.body).object();
    const QUrl authorize(c.value(QStringLiteral("authorization_endpoint")).toString());
    const QUrl tokenUrl(c.value(QStringLiteral("token_endpoint")).toString());

    QByteArray verifierBytes(32, '\0');
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(verifierBytes.data()), 8);
    const QString verifier = base64Url(verifierBytes);
    const QString challenge = base64Url(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256));
    const QString redirect = QStringLiteral("http://127.0.0.1:9/callback");
    const QString state = base64Url(QByteArray::number(QRandomGenerator::global()->generate64()));

    QUrl authUrl = authorize;
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("healthhub-demo"));
    q.addQueryItem(QStringLiteral("redirect_uri"), redirect);
    q.addQueryItem(QStringLiteral("scope"),
                   QStringLiteral("launch/patient openid fhirUser offline_access patient/*.read"));
    q.addQueryItem(QStringLiteral("state"), state);
    q.addQueryItem(QStringLiteral("aud"), base);
    q.addQueryItem(QStringLiteral("code_challenge"), challenge);
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    q.addQueryItem(QStringLiteral("login_hint"), user);
    authUrl.setQuery(q);
    Http loginPage = send(nam, authUrl, {}, false);
    QUrl action;
    QString txn;
    if (loginPage.status != 200 || !parseForm(loginPage.body, authUrl, action, txn))
        return fail(QStringLiteral("authorize: HTTP %1").arg(loginPage.status));
    Http consentPage = send(nam, action,
                            formBody({{QStringLiteral("txn"), txn},
                                      {QStringLiteral("username"), user},
                                      {QStringLiteral("password"), QStringLiteral("demo")}}),
                            true);
    QUrl consentAction;
    if (consentPage.status != 200 || !parseForm(consentPage.body, action, consentAction, txn))
        return fail(QStringLiteral("login: HTTP %1").arg(consentPage.status));
    Http redirected = send(nam, consentAction,
                           formBody({{QStringLiteral("txn"), txn}, {QStringLiteral("decision"), QStringLiteral("allow")}}),
                           true);
    const QString code = QUrlQuery(redirected.location).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty())
        return fail(QStringLiteral("consent: HTTP %1, no code").arg(redirected.status));
    Http token = send(nam, tokenUrl,
                      formBody({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                {QStringLiteral("code"), code},
                                {QStringLiteral("redirect_uri"), redirect},
                                {QStringLiteral("code_verifier"), verifier},
                                {QStringLiteral("client_id"), QStringLiteral("healthhub-demo")}}),
                      true);
    if (token.status != 200)
        return fail(QStringLiteral("token: HTTP %1").arg(token.status));
    const QJsonObject t = QJsonDocument::fromJson(token.body).object();
    sync::AccessToken out;
    out.token = SecretBytes(t.value(QStringLiteral("access_token")).toString().toUtf8());
    out.expiresAt = QDateTime::currentDateTimeUtc().addSecs(t.value(QStringLiteral("expires_in")).toInt(300));
    out.patientId = t.value(QStringLiteral("patient")).toString();
    out.grantedScope = t.value(QStringLiteral("scope")).toString();
    if (out.token.isEmpty())
        return fail(QStringLiteral("token: no access_token"));
    return out;
}

void DemoTokenProvider::addConnection(const QString& connectionId, const QUrl& fhirBase, const QString& user)
{
    QMutexLocker lock(&m_mutex);
    Entry e;
    e.base = fhirBase;
    e.user = user;
    m_entries.insert(connectionId, e);
}

Result<sync::AccessToken> DemoTokenProvider::accessToken(const QString& connectionId, bool forceRefresh)
{
    // One lock for the whole call: refreshes are single-flight, as the real provider's are.
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(connectionId);
    if (it == m_entries.end())
        return Error(ErrorCode::Unauthorized, QStringLiteral("unknown connection"), QStringLiteral("unknown connection"));
    if (forceRefresh) {
        ++m_forced;
        if (m_refuseRefresh.load())
            return Error(ErrorCode::Unauthorized, QStringLiteral("refresh refused"), QStringLiteral("refresh refused"));
    }
    if (it->have && !forceRefresh)
        return it->token;
    Result<sync::AccessToken> t = signInToDemo(it->base, it->user);
    if (!t)
        return t;
    ++m_signIns;
    it->token = *t;
    it->have = true;
    return *t;
}

TestVault::TestVault()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return;
    }
    m_key = SecretBytes::random(32).toByteArray();
    const QString path = m_dir.filePath(QStringLiteral("vault.db"));
    if (Status st = db::ConnectionFactory::createDatabase(path, SecretBytes(m_key)); !st) {
        m_error = st.error().detail();
        return;
    }
    m_factory = std::make_shared<db::ConnectionFactory>(path, SecretBytes(m_key));
    m_userId = newId();
    const QString now = nowUtcIso();
    m_valid = exec(QStringLiteral("INSERT INTO users (id, email, email_normalized, name, password_hash, created_at, "
                                  "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                   {m_userId, QStringLiteral("carer@example.org"), QStringLiteral("carer@example.org"),
                    QStringLiteral("Carer"), QStringLiteral("x"), now, now});
}

TestVault::~TestVault()
{
    release();
}

QString TestVault::databasePath() const
{
    return m_dir.filePath(QStringLiteral("vault.db"));
}

QByteArray TestVault::keyHex() const
{
    return m_key.toHex();
}

QSqlDatabase TestVault::db()
{
    Result<QSqlDatabase> d = m_factory->connection(QStringLiteral("test"));
    if (!d) {
        m_error = d.error().detail();
        return {};
    }
    return *d;
}

void TestVault::release()
{
    if (m_factory)
        m_factory->releaseThreadConnections();
}

bool TestVault::exec(const QString& sql, const QVariantList& binds)
{
    QSqlQuery q(db());
    q.prepare(sql);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        m_error = q.lastError().text();
        qWarning("TestVault: %s", qPrintable(m_error));
        return false;
    }
    return true;
}

QVariant TestVault::scalar(const QString& sql, const QVariantList& binds)
{
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        m_error = q.lastError().text();
        qWarning("TestVault: %s", qPrintable(m_error));
        return {};
    }
    if (!q.next())
        return QVariant(QMetaType::fromType<QString>());
    const QVariant v = q.value(0);
    q.finish();
    return v;
}

qint64 TestVault::count(const QString& sql, const QVariantList& binds)
{
    const QVariant v = scalar(sql, binds);
    return v.isValid() ? v.toLongLong() : -1;
}

QString TestVault::addProfile(const QString& displayName)
{
    const QString id = newId();
    const QString now = nowUtcIso();
    exec(QStringLiteral("INSERT INTO profiles (id, user_id, display_name, relationship, created_at, updated_at) "
                        "VALUES (?, ?, ?, 'other', ?, ?)"),
         {id, m_userId, displayName, now, now});
    return id;
}

void TestVault::addEndpoint(const QString& id, const QString& vendor, const QString& name, const QUrl& fhirBase)
{
    const QString now = nowUtcIso();
    exec(QStringLiteral("INSERT OR IGNORE INTO emr_endpoints (id, vendor, name, fhir_base_url, sandbox, builtin, "
                        "created_at, updated_at) VALUES (?, ?, ?, ?, 1, 0, ?, ?)"),
         {id, vendor, name, fhirBase.toString(), now, now});
}

QString TestVault::addConnection(const QString& profileId, const QString& endpointId, const QString& vendor,
                                 const QString& patientId)
{
    const QString id = newId();
    const QString now = nowUtcIso();
    exec(QStringLiteral("INSERT INTO profile_emr_connections (id, profile_id, endpoint_id, provider, patient_emr_id, "
                        "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'connected', ?, ?)"),
         {id, profileId, endpointId, vendor, patientId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(patientId),
          now, now});
    return id;
}

} // namespace hh::synctest
