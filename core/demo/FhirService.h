#pragma once

// Internal to hh_demo: the FHIR R4 resource servers of demo-epic and demo-athena over the synthetic family.
//
// Reads (Type/id) and searches, in each vendor's style:
// - Epic: searchset Bundles with an OperationOutcome entry (search.mode=outcome, 4119; 4101 when empty) with
//   a fresh urn:uuid, Bundle.total = entries on this page, `next` = Type?sessionID=12-… (server-side
//   session bound to the access token); Observation needs category or code and CarePlan needs category
//   (400 OperationOutcome as recorded); empty-body 403 for types not enabled or not granted; 404 HTML for
//   types Epic does not serve; Content-Type application/json+fhir.
// - athena: no Bundle.total, `next` = the original query + cursor=<id of the next resource>; required
//   parameter combinations answered with 403 OperationOutcome ("…[[patient,intent],[_id]]…"); "Invalid Token
//   Scope" 403 for types not granted; _lastUpdated takes a date only; _include=MedicationRequest:medication;
//   rate-limit headers; Content-Type application/fhir+json.
// Search parameters: patient/subject, _id, _count (default 50, at most 200), category, code, date (eq, ge,
// gt, le, lt), _lastUpdated, intent, status, clinical-status, and Patient identifier/name/family/given/
// birthdate/gender.
//
// Not thread-safe: used from the server's thread only.

#include "core/demo/DemoHttp.h"
#include "core/demo/EndpointConfig.h"
#include "core/demo/FaultPlan.h"
#include "core/demo/OAuthService.h"
#include "core/demo/SyntheticFamily.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace hh::demo {

class FhirService
{
public:
    FhirService(const SyntheticFamily& family, FaultPlan& faults, std::function<QDateTime()> clock);
    ~FhirService();

    // `relPath` is the path below the endpoint's FHIR base without the leading '/' ("Observation",
    // "Patient/abc"). The token has been validated by the caller.
    DemoResponse handle(const EndpointConfig& endpoint, const QString& relPath, const DemoRequest& request,
                        const OAuthService::Grant& grant, const QString& token);

    // OperationOutcome replies in the vendor's shape (also used for faults and auth errors).
    static DemoResponse outcome(Vendor vendor, int status, const QString& code, const QString& text,
                                const QString& diagnostics = {});
    static QByteArray contentType(Vendor vendor);

    void clearSessions();

private:
    struct Search;
    struct Session;

    DemoResponse read(const EndpointConfig& ep, const QString& type, const QString& id, const DemoRequest& request,
                      const OAuthService::Grant& grant);
    DemoResponse search(const EndpointConfig& ep, const QString& type, const DemoRequest& request,
                        const OAuthService::Grant& grant, const QString& token);
    DemoResponse page(const EndpointConfig& ep, Search& search, const DemoRequest& request, const QString& token,
                      int pageNumber);
    DemoResponse notGranted(const EndpointConfig& ep, const QString& type) const;
    DemoResponse wrongPatient(const EndpointConfig& ep) const;
    bool typeAllowed(const OAuthService::Grant& grant, const QString& type, QChar permission) const;
    void decorate(const EndpointConfig& ep, DemoResponse& response);

    const SyntheticFamily& m_family;
    FaultPlan& m_faults;
    std::function<QDateTime()> m_clock;
    QHash<QString, std::shared_ptr<Session>> m_sessions;
    QList<QString> m_sessionOrder;
    QHash<QString, QPair<qint64, int>> m_rate; // endpoint -> (minute, requests)
};

} // namespace hh::demo
