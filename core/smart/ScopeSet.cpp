#include "core/smart/ScopeSet.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hh::smart {

namespace {

// context "/" type "." permissions [ "?" restriction ]
const QRegularExpression& resourceScopePattern()
{
    static const QRegularExpression re(u"^(patient|user|system)/([A-Za-z]+|\\*)\\.([a-z*]+)(?:\\?(.*))?$"_s);
    return re;
}

bool parsePermissions(QStringView perms, ScopeSet::ResourceScope& out)
{
    if (perms == u"read") {
        out.read = out.search = true;
        return true;
    }
    if (perms == u"write") {
        out.create = out.update = out.remove = true;
        return true;
    }
    if (perms == u"*") {
        out.create = out.read = out.update = out.remove = out.search = true;
        return true;
    }
    // v2: a non-empty subsequence of "cruds", in that order, each letter at most once.
    static constexpr char16_t kOrder[] = u"cruds";
    int next = 0;
    for (const QChar c : perms) {
        int idx = -1;
        for (int i = next; i < 5; ++i) {
            if (c == QChar(kOrder[i])) {
                idx = i;
                break;
            }
        }
        if (idx < 0)
            return false;
        next = idx + 1;
        switch (kOrder[idx]) {
        case u'c':
            out.create = true;
            break;
        case u'r':
            out.read = true;
            break;
        case u'u':
            out.update = true;
            break;
        case u'd':
            out.remove = true;
            break;
        case u's':
            out.search = true;
            break;
        default:
            break;
        }
    }
    return !perms.isEmpty();
}

} // namespace

ScopeSet ScopeSet::parse(QStringView scopeString)
{
    ScopeSet set;
    const auto parts = scopeString.split(u' ', Qt::SkipEmptyParts);
    for (QStringView raw : parts) {
        const QString scope = raw.trimmed().toString();
        if (scope.isEmpty() || set.m_scopes.contains(scope))
            continue;
        set.m_scopes.append(scope);
        const auto m = resourceScopePattern().match(scope);
        if (!m.hasMatch() || m.capturedView(1) == u"system")
            continue;
        ResourceScope rs;
        rs.context = m.captured(1);
        rs.resourceType = m.captured(2);
        rs.restriction = m.captured(4);
        if (parsePermissions(m.capturedView(3), rs))
            set.m_resourceScopes.append(rs);
    }
    return set;
}

bool ScopeSet::contains(QStringView scope) const
{
    for (const QString& s : m_scopes) {
        if (s == scope)
            return true;
    }
    return false;
}

template <typename Pred> bool ScopeSet::anyGrant(QStringView resourceType, Pred pred) const
{
    for (const ResourceScope& rs : m_resourceScopes) {
        if ((rs.resourceType == u"*" || rs.resourceType == resourceType) && pred(rs))
            return true;
    }
    return false;
}

bool ScopeSet::mayRead(QStringView resourceType) const
{
    return anyGrant(resourceType, [](const ResourceScope& rs) { return rs.read; });
}

bool ScopeSet::maySearch(QStringView resourceType) const
{
    return anyGrant(resourceType, [](const ResourceScope& rs) { return rs.search; });
}

bool ScopeSet::mayAccess(QStringView resourceType) const
{
    return anyGrant(resourceType, [](const ResourceScope& rs) { return rs.read || rs.search; });
}

bool ScopeSet::isRestricted(QStringView resourceType) const
{
    const bool unrestricted = anyGrant(
        resourceType, [](const ResourceScope& rs) { return (rs.read || rs.search) && rs.restriction.isEmpty(); });
    return !unrestricted && mayAccess(resourceType);
}

const QStringList& ScopeSet::syncResourceTypes()
{
    static const QStringList kTypes{
        u"Patient"_s,
        u"AllergyIntolerance"_s,
        u"Condition"_s,
        u"Observation"_s,
        u"MedicationRequest"_s,
        u"Medication"_s,
        u"Immunization"_s,
        u"Procedure"_s,
        u"Encounter"_s,
        u"DiagnosticReport"_s,
        u"DocumentReference"_s,
        u"CarePlan"_s,
        u"CareTeam"_s,
        u"Goal"_s,
        u"Device"_s,
        u"Coverage"_s,
        u"Practitioner"_s,
        u"Organization"_s,
        u"Location"_s,
        u"Binary"_s,
    };
    return kTypes;
}

QStringList ScopeSet::defaultScopes(Vendor vendor, ScopeVersion version)
{
    QStringList scopes{u"launch/patient"_s, u"openid"_s, u"fhirUser"_s};
    if (vendor == Vendor::Athena)
        scopes.append(u"profile"_s);
    scopes.append(u"offline_access"_s);
    const QString suffix = version == ScopeVersion::V1 ? u".read"_s : u".rs"_s;
    for (const QString& type : syncResourceTypes())
        scopes.append(u"patient/"_s + type + suffix);
    return scopes;
}

QString ScopeSet::defaultScopeString(Vendor vendor, ScopeVersion version)
{
    return defaultScopes(vendor, version).join(u' ');
}

ScopeVersion ScopeSet::preferredVersion(Vendor vendor, const QStringList& serverCapabilities)
{
    if (vendor == Vendor::Other && serverCapabilities.contains(u"permission-v2"_s))
        return ScopeVersion::V2;
    return ScopeVersion::V1;
}

} // namespace hh::smart
