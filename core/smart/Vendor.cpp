#include "core/smart/Vendor.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hh::smart {

QString vendorKey(Vendor vendor)
{
    switch (vendor) {
    case Vendor::Epic:
        return u"epic"_s;
    case Vendor::Athena:
        return u"athena"_s;
    case Vendor::Other:
        break;
    }
    return u"other"_s;
}

std::optional<Vendor> vendorFromKey(QStringView key)
{
    if (key.compare(u"epic", Qt::CaseInsensitive) == 0)
        return Vendor::Epic;
    if (key.compare(u"athena", Qt::CaseInsensitive) == 0)
        return Vendor::Athena;
    if (key.compare(u"other", Qt::CaseInsensitive) == 0)
        return Vendor::Other;
    return std::nullopt;
}

Vendor guessVendor(const QUrl& fhirBaseUrl)
{
    const QString host = fhirBaseUrl.host().toLower();
    auto hostIs = [&host](QStringView domain) {
        if (host == domain)
            return true;
        return host.size() > domain.size() && host.endsWith(domain) &&
               host.at(host.size() - domain.size() - 1) == u'.';
    };
    if (hostIs(u"athenahealth.com") || hostIs(u"athena.io"))
        return Vendor::Athena;
    if (hostIs(u"epic.com") || hostIs(u"epichosted.com") || host.contains(u"epicproxy"))
        return Vendor::Epic;
    // Epic's FHIR servers live under ".../api/FHIR/R4" (Interconnect); the case is significant and
    // other vendors use different layouts (Cerner /r4/<tenant>, athena /fhir/r4).
    static const QRegularExpression kEpicPath(u"/api/FHIR/(R4|STU3|DSTU2)/?$"_s);
    if (kEpicPath.match(fhirBaseUrl.path()).hasMatch())
        return Vendor::Epic;
    return Vendor::Other;
}

} // namespace hh::smart
