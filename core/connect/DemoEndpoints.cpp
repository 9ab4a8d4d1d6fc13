#include "core/connect/DemoEndpoints.h"

#include "core/vault/Crypto.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

namespace hh::connect {

namespace {
struct Registry {
    QMutex mutex;
    QHash<QString, QUrl> bases;
    DemoEndpoints::Starter starter;
    SecretBytes tokenKey;
};

Registry& registry()
{
    static Registry r;
    return r;
}
} // namespace

bool DemoEndpoints::isDemoBase(const QString& storedBase)
{
    return storedBase.startsWith(kScheme + QStringLiteral("://"));
}

QString DemoEndpoints::demoId(const QString& storedBase)
{
    if (!isDemoBase(storedBase))
        return {};
    QString id = storedBase.mid(kScheme.size() + 3);
    while (id.endsWith(u'/'))
        id.chop(1);
    return id;
}

QString DemoEndpoints::patientFor(Relationship relationship)
{
    switch (relationship) {
    case Relationship::Self:
    case Relationship::Mother:
    case Relationship::Father:
    case Relationship::Child:
        return relationshipKey(relationship);
    default:
        return {};
    }
}

QString DemoEndpoints::marker(const QString& id)
{
    return kScheme + QStringLiteral("://") + id;
}

QUrl DemoEndpoints::resolve(const QString& storedBase)
{
    if (!isDemoBase(storedBase))
        return QUrl(storedBase);
    Registry& r = registry();
    QMutexLocker lock(&r.mutex);
    return r.bases.value(demoId(storedBase));
}

void DemoEndpoints::registerBaseUrl(const QString& id, const QUrl& liveBase)
{
    Registry& r = registry();
    QMutexLocker lock(&r.mutex);
    r.bases.insert(id, liveBase);
}

void DemoEndpoints::unregisterAll()
{
    Registry& r = registry();
    QMutexLocker lock(&r.mutex);
    r.bases.clear();
}

void DemoEndpoints::setStarter(Starter starter)
{
    Registry& r = registry();
    QMutexLocker lock(&r.mutex);
    r.starter = std::move(starter);
}

void DemoEndpoints::setTokenKey(const SecretBytes& key)
{
    Registry& r = registry();
    QMutexLocker lock(&r.mutex);
    r.tokenKey = key;
}

SecretBytes DemoEndpoints::tokenKey()
{
    Registry& r = registry();
    QMutexLocker lock(&r.mutex);
    return r.tokenKey;
}

SecretBytes DemoEndpoints::deriveTokenKey(const SecretBytes& secretsKey)
{
    if (secretsKey.size() != crypto::kKeySize)
        return {};
    return crypto::deriveSubkey(secretsKey, "hhdemotk");
}

Status DemoEndpoints::ensureStarted(const QString& id)
{
    if (resolve(marker(id)).isValid())
        return success();
    Starter starter;
    {
        Registry& r = registry();
        QMutexLocker lock(&r.mutex);
        starter = r.starter;
    }
    if (!starter)
        return Error(ErrorCode::NotFound,
                     QCoreApplication::translate("hh::connect", "The demo health systems are not available here."),
                     QStringLiteral("no demo server starter installed"));
    if (Status st = starter(); !st)
        return st;
    if (!resolve(marker(id)).isValid())
        return Error(ErrorCode::NotFound,
                     QCoreApplication::translate("hh::connect", "The demo health systems do not offer %1.").arg(id),
                     QStringLiteral("demo endpoint not registered by the starter"));
    return success();
}

} // namespace hh::connect
