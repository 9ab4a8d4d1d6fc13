#include "core/connect/BuiltinEndpoints.h"

#include "core/Log.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// Q_INIT_RESOURCE must be used outside any namespace; the .qrc lives in a static library, so its
// initializer is only linked when referenced.
static void initEndpointResources()
{
    Q_INIT_RESOURCE(endpoints);
}

namespace hh::connect {

namespace {
struct Builtins {
    QList<Endpoint> endpoints;
    QHash<QString, QString> defaultClientIds;
};

Builtins load()
{
    initEndpointResources();
    Builtins b;
    QFile f(QStringLiteral(":/endpoints/builtin.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        qCCritical(lcSmart) << "built-in endpoint list missing";
        return b;
    }
    const QJsonArray list = QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("endpoints")).toArray();
    for (const QJsonValue& v : list) {
        const QJsonObject o = v.toObject();
        Endpoint e;
        e.id = o.value(QLatin1String("id")).toString();
        e.vendor = o.value(QLatin1String("vendor")).toString();
        e.name = o.value(QLatin1String("name")).toString();
        e.city = o.value(QLatin1String("city")).toString();
        e.state = o.value(QLatin1String("state")).toString();
        e.fhirBaseUrl = o.value(QLatin1String("fhir_base_url")).toString();
        e.sandbox = o.value(QLatin1String("sandbox")).toBool();
        e.builtin = true;
        e.source = QStringLiteral("builtin");
        if (e.id.isEmpty() || e.name.isEmpty() || e.fhirBaseUrl.isEmpty())
            continue;
        const QString clientId = o.value(QLatin1String("default_client_id")).toString();
        if (!clientId.isEmpty())
            b.defaultClientIds.insert(e.id, clientId);
        b.endpoints.append(e);
    }
    return b;
}

const Builtins& builtins()
{
    static const Builtins b = load();
    return b;
}
} // namespace

const QList<Endpoint>& BuiltinEndpoints::all()
{
    return builtins().endpoints;
}

bool BuiltinEndpoints::contains(const QString& id)
{
    for (const Endpoint& e : all()) {
        if (e.id == id)
            return true;
    }
    return false;
}

QString BuiltinEndpoints::defaultClientId(const QString& endpointId)
{
    return builtins().defaultClientIds.value(endpointId);
}

} // namespace hh::connect
