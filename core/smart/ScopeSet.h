#pragma once

#include "core/smart/Vendor.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace hh::smart {

// SMART scope syntax of the request we send (the reply may use either).
enum class ScopeVersion { V1, V2 };

// A space-separated OAuth scope string, parsed. Understands SMART v1 (`patient/Observation.read`,
// `.write`, `.*`) and v2 (`patient/Observation.rs`, `.cruds`, `?category=…` restrictions) resource
// scopes for the `patient/` and `user/` contexts (`system/` is ignored: backend services only).
// Plan the sync from the GRANTED scope string (token response `scope`), not from the request.
// Pure value type, any thread.
class ScopeSet
{
public:
    struct ResourceScope {
        QString context;      // "patient" or "user"
        QString resourceType; // "Observation" or "*"
        bool create = false, read = false, update = false, remove = false, search = false;
        QString restriction; // v2 "?category=…" part without the '?', empty if none
    };

    ScopeSet() = default;
    [[nodiscard]] static ScopeSet parse(QStringView scopeString);

    [[nodiscard]] const QStringList& scopes() const { return m_scopes; }
    [[nodiscard]] const QList<ResourceScope>& resourceScopes() const { return m_resourceScopes; }
    [[nodiscard]] bool contains(QStringView scope) const;
    [[nodiscard]] bool isEmpty() const { return m_scopes.isEmpty(); }
    [[nodiscard]] QString toString() const { return m_scopes.join(u' '); }

    // v1 `.read` = v2 `.rs`. mayRead = read by id (`r`), maySearch = search (`s`),
    // mayAccess = either (what "may I sync type X" asks). A `*` resource type matches all.
    [[nodiscard]] bool mayRead(QStringView resourceType) const;
    [[nodiscard]] bool maySearch(QStringView resourceType) const;
    [[nodiscard]] bool mayAccess(QStringView resourceType) const;
    // True when every grant for the type carries a v2 `?…` restriction (e.g. Observation limited
    // to some categories): the sync then only gets part of the type.
    [[nodiscard]] bool isRestricted(QStringView resourceType) const;
    [[nodiscard]] bool hasOfflineAccess() const { return contains(u"offline_access"); }

    // The resource types the sync reads (FHIR-SMART-NOTES §5), in this order.
    [[nodiscard]] static const QStringList& syncResourceTypes();
    // `launch/patient openid fhirUser offline_access` (+ `profile` for athena, as athena documents)
    // followed by patient/<Type>.read (V1) or patient/<Type>.rs (V2) for every syncResourceTypes().
    [[nodiscard]] static QStringList defaultScopes(Vendor vendor, ScopeVersion version);
    [[nodiscard]] static QString defaultScopeString(Vendor vendor, ScopeVersion version);
    // Epic and athena document v1 (Epic replies in v1 unless the app is set to v2), so both get V1;
    // Other gets V2 when the server advertises `permission-v2`, else V1.
    [[nodiscard]] static ScopeVersion preferredVersion(Vendor vendor, const QStringList& serverCapabilities);

private:
    template <typename Pred> bool anyGrant(QStringView resourceType, Pred pred) const;

    QStringList m_scopes;
    QList<ResourceScope> m_resourceScopes;
};

} // namespace hh::smart
