#include "fuzz/PageSeeds.h"

#include "core/demo/DemoHttp.h"
#include "core/demo/EndpointConfig.h"
#include "core/demo/FaultPlan.h"
#include "core/demo/FhirService.h"
#include "core/demo/OAuthService.h"
#include "core/demo/SyntheticFamily.h"
#include "core/sync/FhirPage.h"
#include "core/sync/QueryPlan.h"
#include "core/sync/ReferenceScanner.h"
#include "fuzz/PageFuzzHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace hh::sync::fuzz {

using namespace Qt::StringLiterals;
using demo::DemoRequest;
using demo::DemoResponse;
using demo::EndpointConfig;
using demo::Vendor;

namespace {

constexpr qsizetype kMaxSeedBytes = 48 * 1024; // keeps libFuzzer's max_len (the largest seed) small
constexpr int kPageSize = 4;
constexpr int kMaxReads = 12;

enum Mode { Search = 0, Read = 2, ErrorReply = 3 };

int mediaIndex(const QByteArray& contentType)
{
    if (contentType.startsWith("application/fhir+json"))
        return 0;
    if (contentType.startsWith("application/json+fhir"))
        return 1;
    if (contentType.isEmpty())
        return 2;
    return 3;
}

class SeedWriter
{
public:
    void add(const QString& name, int mode, const DemoResponse& r, int base, bool anyReadType = false)
    {
        if (r.body.size() > kMaxSeedBytes)
            return;
        const int m = r.status >= 200 && r.status < 300 ? mode : ErrorReply;
        const QString unique = name + u'-' + QString::number(r.status);
        if (m_names.contains(unique))
            return;
        m_names.insert(unique);
        m_seeds.append({unique + u".bin"_s, pageInput(m, mediaIndex(r.header("Content-Type")), base, r.body, anyReadType)});
    }
    void addRaw(const QString& name, int mode, int media, int base, const QByteArray& body)
    {
        m_seeds.append({name + u".bin"_s, pageInput(mode, media, base, body)});
    }
    QList<Seed> take() { return std::move(m_seeds); }

private:
    QList<Seed> m_seeds;
    QSet<QString> m_names;
};

QString fileSafe(QString s)
{
    for (QChar& c : s)
        if (!c.isLetterOrNumber() && c != u'-')
            c = u'_';
    return s.left(80);
}

void seedEndpoint(SeedWriter& out, const demo::SyntheticFamily& family, Vendor vendor, int baseIndex)
{
    demo::FaultPlan faults;
    demo::FhirService service(family, faults, [] { return QDateTime::fromSecsSinceEpoch(1764201600, Qt::UTC); });
    const bool epic = vendor == Vendor::Epic;
    EndpointConfig ep = EndpointConfig::make(epic ? u"demo-epic"_s : u"demo-athena"_s, vendor, u"Demo"_s,
                                             epic ? u"/demo-epic"_s : u"/demo-athena"_s);
    ep.origin = u"http://127.0.0.1:8080"_s;
    const QString base = ep.fhirBase();
    Q_ASSERT(base == QString::fromLatin1(kBases[baseIndex]));
    const QString vkey = epic ? u"epic"_s : u"athena"_s;
    const ReferenceScanner scanner{QUrl(base)};

    const auto get = [&](const demo::OAuthService::Grant& grant, const QString& url) {
        DemoRequest request;
        request.method = "GET";
        request.url = QUrl(url);
        QString rel = request.url.path().mid(ep.fhirPath.size());
        while (rel.startsWith(u'/'))
            rel.remove(0, 1);
        return service.handle(ep, rel, request, grant, u"seed-token"_s);
    };

    const QList<demo::DemoPatient> patients = family.patients();
    for (const demo::DemoPatient& patient : patients) {
        if (patient.key != u"mother" && patient.key != u"child")
            continue;
        demo::OAuthService::Grant grant;
        grant.id = u"seed"_s;
        grant.endpointId = ep.id;
        grant.clientId = u"healthhub-demo"_s;
        grant.patientId = patient.idAt(vendor);
        grant.user = patient.key;
        grant.scopes = {u"openid"_s, u"fhirUser"_s, u"launch/patient"_s, u"patient/*.read"_s};

        QueryPlanOptions options;
        options.vendor = epic ? EmrVendor::Epic : EmrVendor::Athena;
        options.patientId = grant.patientId;
        options.pageSize = kPageSize;
        const QueryPlan plan = QueryPlan::build(options);
        QSet<QString> refs;
        for (const PlannedType& type : plan.types()) {
            for (const PlannedQuery& query : type.queries) {
                for (qsizetype v = 0; v < query.variants.size(); ++v) {
                    const QueryVariant& variant = query.variants.at(v);
                    const QString name = vkey + u'-' + patient.key + u'-' + fileSafe(query.key) + u"-v"_s
                        + QString::number(v);
                    DemoResponse r = get(grant, base + u'/' + variant.relativeUrl());
                    out.add(name + u"-p1"_s, variant.isRead() ? Read : Search, r, baseIndex);
                    if (r.status != 200)
                        continue; // the next variant is what the sync tries then
                    const auto page = variant.isRead() ? FhirPage::fromReadBody(r.body, variant.resourceType)
                                                       : FhirPage::fromSearchBody(r.body);
                    if (!page)
                        break;
                    for (const RawResource& raw : page->resources)
                        scanner.scan(raw.json, refs);
                    if (!page->nextUrl.isEmpty()) {
                        const DemoResponse r2 = get(grant, page->nextUrl);
                        out.add(name + u"-p2"_s, Search, r2, baseIndex);
                    }
                    break;
                }
            }
        }
        QStringList sorted = refs.values();
        sorted.sort();
        for (qsizetype i = 0; i < sorted.size() && i < kMaxReads; ++i) {
            const DemoResponse r = get(grant, base + u'/' + sorted.at(i));
            out.add(vkey + u'-' + patient.key + u"-read-"_s + fileSafe(sorted.at(i)), Read, r, baseIndex, true);
        }
    }

    // Error replies in the vendor's words.
    const auto outcome = [&](int status, const QString& code, const QString& text, const QString& diagnostics) {
        out.add(vkey + u"-outcome-"_s + code, ErrorReply,
                demo::FhirService::outcome(vendor, status, code, text, diagnostics), baseIndex);
    };
    outcome(400, u"invalid"_s, u"A required parameter is missing."_s, u"category"_s);
    outcome(403, u"forbidden"_s, u"Invalid Token Scope"_s, {});
    outcome(404, u"not-found"_s, u"Resource Patient/x was not found."_s, {});
    outcome(429, u"throttled"_s, u"Too many requests."_s, {});
}

} // namespace

QList<Seed> makePageSeeds()
{
    SeedWriter out;
    const demo::SyntheticFamily family(1);
    seedEndpoint(out, family, Vendor::Epic, 0);
    seedEndpoint(out, family, Vendor::Athena, 1);

    // Structural edge cases the demo servers never send.
    out.addRaw(u"edge-empty-bundle"_s, Search, 0, 2, R"({"resourceType":"Bundle","type":"searchset"})");
    out.addRaw(u"edge-entry-shapes"_s, Search, 2, 4,
               R"({"resourceType":"Bundle","entry":[{},{"resource":5},{"resource":{"resourceType":"Observation"}},)"
               R"({"resource":{"id":"x"}},{"search":{"mode":"outcome"},"resource":{"issue":[{"severity":"warning"}]}}]})");
    out.addRaw(u"edge-relative-next"_s, Search, 0, 5,
               R"({"resourceType":"Bundle","link":[{"relation":"next","url":"Condition?page=2"},)"
               R"({"relation":"self","url":"/r4/Condition?page=1"},{"relation":"prev","url":"Condition"}],)"
               R"("entry":[{"resource":{"resourceType":"Condition","id":"c1","recorder":{"reference":"Practitioner/p1/_history/2"},)"
               R"("asserter":{"reference":"https://fhir.example.org:8443/r4/Practitioner/p2"}}}]})");
    out.addRaw(u"edge-escapes"_s, Search, 1, 6,
               R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"DocumentReference","id":"d\u0031",)"
               R"("content":[{"attachment":{"url":"Binary/b\"1"}}],"author":[{"reference":"Organization\/o1"}]}}]})");
    out.addRaw(u"edge-read-mismatch"_s, Read, 0, 7, R"({"resourceType":"Observation","id":"o1"})");
    out.addRaw(u"edge-html-error"_s, ErrorReply, 3, 0, "<!DOCTYPE html><html><body><h1>404</h1></body></html>");
    out.addRaw(u"edge-outcome-codings"_s, ErrorReply, 2, 2,
               R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing",)"
               R"("details":{"coding":[{"code":"4101","display":"No results"}]}},{"severity":"error","code":"x:y","diagnostics":"d"}]})");
    return out.take();
}

} // namespace hh::sync::fuzz
