// Searches, reads and paging in each vendor's style, compared with the recorded vendor traffic of the corpus.

#include "DemoTestSupport.h"

#include <QFile>
#include <QSet>

using namespace hh::demo;
using namespace hh::demo::test;
using namespace Qt::StringLiterals;

namespace {

const QString kEpicDesiree = u"epic/fasten-sandbox-2025-12-20_desiree-powell_eAB3mDIBBcyUKviyzrxsnAw3/"_s;
const QString kAthena = u"athena/fasten-preview-2024-11-23_a-80000.E-14545/"_s;

QByteArray corpusBytes(const QString& relative)
{
    QFile f(QStringLiteral(HH_CORPUS_DIR) + u'/' + relative);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QSet<QString> keysOf(const QJsonObject& o)
{
    const QStringList k = o.keys();
    return QSet<QString>(k.begin(), k.end());
}

QSet<QString> idsOf(const QList<QJsonObject>& resources)
{
    QSet<QString> out;
    for (const QJsonObject& r : resources)
        out.insert(r.value(u"id"_s).toString());
    return out;
}

QString link(const QJsonObject& bundle, const QString& relation)
{
    for (const QJsonValue& l : bundle.value(u"link"_s).toArray())
        if (l.toObject().value(u"relation"_s).toString() == relation)
            return l.toObject().value(u"url"_s).toString();
    return {};
}

QString effective(const QJsonObject& r)
{
    if (r.contains(u"effectiveDateTime"_s))
        return r.value(u"effectiveDateTime"_s).toString();
    return r.value(u"effectivePeriod"_s).toObject().value(u"start"_s).toString();
}

} // namespace

class TestDemoSearch : public QObject
{
    Q_OBJECT

    DemoServer m_server;
    HttpClient m_http;
    Endpoint m_epic;
    Endpoint m_athena;
    QString m_epicToken;
    QString m_athenaToken;
    QString m_epicMother;
    QString m_athenaMother;

    QUrl url(const Endpoint& e, const QString& pathAndQuery) const
    {
        return QUrl(e.base.toString() + u'/' + pathAndQuery);
    }

    const SyntheticFamily& family() const { return m_server.family(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start({}).ok());
        m_epic = discover(m_http, m_server, u"demo-epic"_s);
        m_athena = discover(m_http, m_server, u"demo-athena"_s);
        const QJsonObject e = launch(m_http, m_epic, u"mother"_s);
        const QJsonObject a = launch(m_http, m_athena, u"mother"_s);
        m_epicToken = e.value(u"access_token"_s).toString();
        m_athenaToken = a.value(u"access_token"_s).toString();
        m_epicMother = e.value(u"patient"_s).toString();
        m_athenaMother = a.value(u"patient"_s).toString();
        QVERIFY(!m_epicToken.isEmpty() && !m_athenaToken.isEmpty());
    }

    // Every Epic query of the sync plan returns exactly what the family holds, page by page, in Epic's shape.
    void epicSyncMatchesFamily()
    {
        for (const QString& type : SyntheticFamily::searchTypes(Vendor::Epic)) {
            QStringList queries;
            if (type == u"Observation")
                for (const QString& c : {u"laboratory"_s, u"vital-signs"_s, u"social-history"_s, u"imaging"_s})
                    queries.append(u"Observation?patient=%1&category=%2&_count=50"_s.arg(m_epicMother, c));
            else if (type == u"CarePlan")
                for (const QString& c : {u"38717003"_s, u"734163000"_s})
                    queries.append(u"CarePlan?patient=%1&category=%2&_count=50"_s.arg(m_epicMother, c));
            else
                queries.append(u"%1?patient=%2&_count=50"_s.arg(type, m_epicMother));
            QList<QJsonObject> got;
            for (const QString& q : queries) {
                const SearchResult s = searchAll(m_http, url(m_epic, q), m_epicToken);
                QCOMPARE(s.lastStatus, 200);
                got += s.resources;
                for (const QJsonObject& b : s.bundles) {
                    const QJsonArray entries = b.value(u"entry"_s).toArray();
                    // Exactly one OperationOutcome entry, last, with a urn:uuid fullUrl and warning 4119.
                    QVERIFY(!entries.isEmpty());
                    const QJsonObject outcome = entries.last().toObject();
                    QCOMPARE(outcome.value(u"search"_s).toObject().value(u"mode"_s).toString(), u"outcome"_s);
                    QVERIFY(outcome.value(u"fullUrl"_s).toString().startsWith(u"urn:uuid:"_s));
                    QVERIFY(QJsonDocument(outcome).toJson().contains("\"4119\""));
                    QCOMPARE(b.value(u"total"_s).toInt(), int(entries.size()) - 1); // this page only
                    QVERIFY(entries.size() - 1 <= 50);
                    const QString next = link(b, u"next"_s);
                    if (!next.isEmpty())
                        QVERIFY2(QRegularExpression(u"^%1/%2\\?sessionID=12-[0-9A-F]{32}$"_s.arg(
                                                        QRegularExpression::escape(m_epic.base.toString()), type))
                                     .match(next)
                                     .hasMatch(),
                                 qPrintable(next));
                    QVERIFY(!link(b, u"self"_s).isEmpty());
                }
            }
            QCOMPARE(got.size(), family().count(Vendor::Epic, u"mother"_s, type));
            const QStringList expected = family().ids(Vendor::Epic, u"mother"_s, type);
            QCOMPARE(idsOf(got), QSet<QString>(expected.begin(), expected.end()));
        }
    }

    void epicShapesMatchTheRecording()
    {
        const QJsonObject real =
            QJsonDocument::fromJson(corpusBytes(kEpicDesiree + u"034_Observation_category-vital-signs.json"_s))
                .object();
        if (real.isEmpty())
            QSKIP("fhir-corpus not available (HH_CORPUS_DIR)");
        const SearchResult s = searchAll(
            m_http, url(m_epic, u"Observation?patient=%1&category=vital-signs&_count=50"_s.arg(m_epicMother)),
            m_epicToken, 1);
        const QJsonObject ours = s.bundles.first();
        QCOMPARE(keysOf(ours), keysOf(real));
        const QJsonArray re = real.value(u"entry"_s).toArray(), oe = ours.value(u"entry"_s).toArray();
        QCOMPARE(keysOf(oe.first().toObject()), keysOf(re.first().toObject()));
        QCOMPARE(keysOf(oe.last().toObject()), keysOf(re.last().toObject()));
        // The link relations in the same order: next, then self.
        QCOMPARE(ours.value(u"link"_s).toArray().at(0).toObject().value(u"relation"_s).toString(), u"next"_s);
        QCOMPARE(real.value(u"link"_s).toArray().at(0).toObject().value(u"relation"_s).toString(), u"next"_s);
        QCOMPARE(s.nextLinks.size(), 1);
        // The outcome entry's urn:uuid changes on every call.
        const SearchResult again = searchAll(
            m_http, url(m_epic, u"Observation?patient=%1&category=vital-signs&_count=50"_s.arg(m_epicMother)),
            m_epicToken, 1);
        QVERIFY(again.bundles.first().value(u"entry"_s).toArray().last().toObject().value(u"fullUrl"_s) !=
                oe.last().toObject().value(u"fullUrl"_s));
    }

    void athenaSyncMatchesFamily()
    {
        for (const QString& type : SyntheticFamily::searchTypes(Vendor::Athena)) {
            const QString q =
                type == u"MedicationRequest"
                    ? u"MedicationRequest?patient=%1&intent=order,plan&_count=50"_s.arg(m_athenaMother)
                    : u"%1?patient=%2&_count=50"_s.arg(type, m_athenaMother);
            const SearchResult s = searchAll(m_http, url(m_athena, q), m_athenaToken);
            QCOMPARE(s.lastStatus, 200);
            for (const QJsonObject& b : s.bundles) {
                QVERIFY(!b.contains(u"total"_s)); // athena: no Bundle.total
                const QString next = link(b, u"next"_s);
                if (next.isEmpty())
                    continue;
                // The original parameters are kept, a cursor is added.
                const QUrlQuery nq{QUrl(next)};
                QCOMPARE(nq.queryItemValue(u"patient"_s), m_athenaMother);
                QCOMPARE(nq.queryItemValue(u"_count"_s), u"50"_s);
                QVERIFY(nq.queryItemValue(u"cursor"_s).startsWith(u"a-"_s));
            }
            QCOMPARE(s.resources.size(), family().count(Vendor::Athena, u"mother"_s, type));
            const QStringList expected = family().ids(Vendor::Athena, u"mother"_s, type);
            QCOMPARE(idsOf(s.resources), QSet<QString>(expected.begin(), expected.end()));
        }
    }

    void athenaShapesMatchTheRecording()
    {
        const QJsonObject real =
            QJsonDocument::fromJson(corpusBytes(kAthena + u"013_Observation_search.json"_s)).object();
        if (real.isEmpty())
            QSKIP("fhir-corpus not available (HH_CORPUS_DIR)");
        const SearchResult s = searchAll(
            m_http, url(m_athena, u"Observation?patient=%1&_count=50"_s.arg(m_athenaMother)), m_athenaToken, 1);
        const QJsonObject ours = s.bundles.first();
        QCOMPARE(keysOf(ours), keysOf(real));
        QCOMPARE(keysOf(ours.value(u"entry"_s).toArray().first().toObject()),
                 keysOf(real.value(u"entry"_s).toArray().first().toObject()));
        // next = self + cursor, as recorded.
        const QUrlQuery realSelf{QUrl(link(real, u"self"_s))}, realNext{QUrl(link(real, u"next"_s))};
        const QUrlQuery ourSelf{QUrl(link(ours, u"self"_s))}, ourNext{QUrl(link(ours, u"next"_s))};
        QCOMPARE(realNext.queryItems().size(), realSelf.queryItems().size() + 1);
        QCOMPARE(ourNext.queryItems().size(), ourSelf.queryItems().size() + 1);
        // The cursor is the id of the first resource of the next page.
        const SearchResult two = searchAll(m_http, QUrl(link(ours, u"next"_s)), m_athenaToken, 1);
        QCOMPARE(two.resources.first().value(u"id"_s).toString(), ourNext.queryItemValue(u"cursor"_s));
    }

    // Error replies equal the recorded ones.
    void requiredParameterErrors_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("recorded");
        QTest::newRow("epic Observation without category")
            << u"epic"_s << u"Observation?_count=50&patient=%1"_s << 400
            << kEpicDesiree + u"032_Observation_search_http400.json"_s;
        QTest::newRow("epic CarePlan without category") << u"epic"_s << u"CarePlan?_count=50&patient=%1"_s << 400
                                                        << kEpicDesiree + u"005_CarePlan_search_http400.json"_s;
        QTest::newRow("epic CarePlan outpatient")
            << u"epic"_s << u"CarePlan?_count=50&category=736271009&patient=%1"_s << 400
            << kEpicDesiree + u"008_CarePlan_category-736271009_http400.json"_s;
        QTest::newRow("epic Observation symptom")
            << u"epic"_s << u"Observation?_count=50&category=symptom&patient=%1"_s << 400
            << kEpicDesiree + u"049_Observation_category-symptom_http400.json"_s;
        QTest::newRow("epic RelatedPerson by patient")
            << u"epic"_s << u"RelatedPerson?_count=50&patient=%1"_s << 400
            << kEpicDesiree + u"061_RelatedPerson_search_http400.json"_s;
        QTest::newRow("athena MedicationRequest without intent")
            << u"athena"_s << u"MedicationRequest?_count=50&patient=%1"_s << 403
            << kAthena + u"012_MedicationRequest_search_http403.json"_s;
        QTest::newRow("athena ServiceRequest")
            << u"athena"_s << u"ServiceRequest/a-24680.ambulatoryorder-1"_s << 403
            << kAthena + u"030_ServiceRequest_a-80000.ambulatoryorder-248793_http403.json"_s;
    }

    void requiredParameterErrors()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, recorded);
        const bool epic = endpoint == u"epic";
        const QString q = query.contains(u"%1"_s) ? query.arg(epic ? m_epicMother : m_athenaMother) : query;
        const HttpResult r =
            m_http.getWithToken(url(epic ? m_epic : m_athena, q), epic ? m_epicToken : m_athenaToken);
        QCOMPARE(r.status, status);
        QVERIFY(r.header("Content-Type").contains("json"));
        const QByteArray real = corpusBytes(recorded);
        if (real.isEmpty())
            QSKIP("fhir-corpus not available (HH_CORPUS_DIR)");
        QCOMPARE(r.json(), QJsonDocument::fromJson(real).object());
    }

    void athenaPatientRequired()
    {
        const HttpResult r = m_http.getWithToken(url(m_athena, u"Condition?_count=50"_s), m_athenaToken);
        QCOMPARE(r.status, 403);
        QVERIFY(r.json()
                    .value(u"issue"_s)
                    .toArray()
                    .first()
                    .toObject()
                    .value(u"details"_s)
                    .toObject()
                    .value(u"text"_s)
                    .toString()
                    .contains(u"[[patient],[_id]]"_s));
        const HttpResult org = m_http.getWithToken(url(m_athena, u"Organization?name=x"_s), m_athenaToken);
        QCOMPARE(org.status, 403);
    }

    void epicEmptyBody403AndHtml404()
    {
        for (const QString& type : {u"Coverage"_s, u"Account"_s, u"Appointment"_s, u"ServiceRequest"_s}) {
            const HttpResult r = m_http.getWithToken(
                url(m_epic, u"%1?_count=50&patient=%2"_s.arg(type, m_epicMother)), m_epicToken);
            QCOMPARE(r.status, 403);
            QVERIFY(r.body.isEmpty());
        }
        for (const QString& type : {u"Person"_s, u"Provenance"_s, u"Schedule"_s, u"Slot"_s, u"InsurancePlan"_s}) {
            const HttpResult r = m_http.getWithToken(
                url(m_epic, u"%1?_count=50&patient=%2"_s.arg(type, m_epicMother)), m_epicToken);
            QCOMPARE(r.status, 404);
            QVERIFY(r.header("Content-Type").startsWith("text/html"));
            QVERIFY(!r.isJson());
        }
    }

    void scopesLimitTypes()
    {
        const QString scope = u"launch/patient openid patient/Patient.read patient/Observation.rs"_s;
        const QJsonObject e = launch(m_http, m_epic, u"mother"_s, scope);
        const QJsonObject a = launch(m_http, m_athena, u"mother"_s, scope);
        HttpResult r = m_http.getWithToken(url(m_epic, u"Condition?patient="_s + m_epicMother),
                                           e.value(u"access_token"_s).toString());
        QCOMPARE(r.status, 403);
        QVERIFY(r.body.isEmpty());
        r = m_http.getWithToken(url(m_athena, u"Condition?patient="_s + m_athenaMother),
                                a.value(u"access_token"_s).toString());
        QCOMPARE(r.status, 403);
        const QJsonObject issue = r.json().value(u"issue"_s).toArray().first().toObject();
        QCOMPARE(issue.value(u"details"_s).toObject().value(u"text"_s).toString(), u"Invalid Token Scope"_s);
        QCOMPARE(issue.value(u"expression"_s).toArray().first().toString(), u"Condition"_s);
        // Granted types work.
        QCOMPARE(m_http
                     .getWithToken(url(m_epic, u"Observation?category=laboratory&patient="_s + m_epicMother),
                                   e.value(u"access_token"_s).toString())
                     .status,
                 200);
        QCOMPARE(m_http
                     .getWithToken(url(m_athena, u"Observation?patient="_s + m_athenaMother),
                                   a.value(u"access_token"_s).toString())
                     .status,
                 200);
    }

    void aTokenSeesOnlyItsPatient()
    {
        const QString epicFather = family().patient(u"father"_s)->epicId;
        const QString athenaFather = family().patient(u"father"_s)->athenaId;
        QCOMPARE(m_http.getWithToken(url(m_epic, u"Condition?patient="_s + epicFather), m_epicToken).status, 403);
        QCOMPARE(m_http.getWithToken(url(m_athena, u"Condition?patient="_s + athenaFather), m_athenaToken).status,
                 403);
        QCOMPARE(m_http.getWithToken(url(m_epic, u"Patient/"_s + epicFather), m_epicToken).status, 403);
        const QString fatherObs = family().ids(Vendor::Athena, u"father"_s, u"Observation"_s).first();
        QCOMPARE(m_http.getWithToken(url(m_athena, u"Observation/"_s + fatherObs), m_athenaToken).status, 403);
        const QString motherObs = family().ids(Vendor::Athena, u"mother"_s, u"Observation"_s).first();
        QCOMPARE(m_http.getWithToken(url(m_athena, u"Observation/"_s + motherObs), m_athenaToken).status, 200);
        // _id of someone else's resource finds nothing.
        const SearchResult s = searchAll(m_http, url(m_athena, u"Observation?_id="_s + fatherObs), m_athenaToken);
        QCOMPARE(s.resources.size(), 0);
    }

    void reads()
    {
        // Every referenced type reads, and an unknown id is a 404 OperationOutcome.
        for (const QString& type : {u"Practitioner"_s, u"Organization"_s, u"Location"_s, u"Medication"_s}) {
            for (const QString& id : family().ids(Vendor::Epic, u"mother"_s, type)) {
                const HttpResult r = m_http.getWithToken(url(m_epic, type + u'/' + id), m_epicToken);
                QCOMPARE(r.status, 200);
                QCOMPARE(r.json(), *family().read(Vendor::Epic, type, id));
                QVERIFY(r.header("Content-Type").startsWith("application/json+fhir"));
            }
        }
        const HttpResult missing = m_http.getWithToken(url(m_epic, u"Observation/eNoSuchThing3"_s), m_epicToken);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json().value(u"resourceType"_s).toString(), u"OperationOutcome"_s);
        const HttpResult a = m_http.getWithToken(url(m_athena, u"Patient/"_s + m_athenaMother), m_athenaToken);
        QVERIFY(a.header("Content-Type").startsWith("application/fhir+json"));
        QCOMPARE(a.header("Ratelimit-Limit"), QByteArray("500"));
        QVERIFY(!a.header("Ratelimit-Remaining").isEmpty());
    }

    void binaryRawAndJson()
    {
        const QJsonObject doc = family().resource(Vendor::Epic, u"mother"_s, u"DocumentReference"_s, 0);
        const QString binaryUrl = doc.value(u"content"_s)
                                      .toArray()
                                      .first()
                                      .toObject()
                                      .value(u"attachment"_s)
                                      .toObject()
                                      .value(u"url"_s)
                                      .toString();
        QVERIFY(binaryUrl.startsWith(u"Binary/"_s));
        const HttpResult raw = m_http.getWithToken(url(m_epic, binaryUrl), m_epicToken);
        QCOMPARE(raw.status, 200);
        QVERIFY(raw.header("Content-Type").startsWith("text/html"));
        QVERIFY(raw.body.contains("Progress note"));
        const HttpResult json = m_http.getWithToken(url(m_epic, binaryUrl), m_epicToken, "application/json+fhir");
        QCOMPARE(json.status, 200);
        QCOMPARE(json.json().value(u"resourceType"_s).toString(), u"Binary"_s);
        QCOMPARE(QByteArray::fromBase64(json.json().value(u"data"_s).toString().toLatin1()), raw.body);
    }

    void dateFilters()
    {
        const QDateTime cut(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        int expectedAfter = 0, expectedBefore = 0;
        family().forEach(Vendor::Epic, u"mother"_s, u"Observation"_s, [&](const QJsonObject& r) {
            if (r.value(u"category"_s)
                    .toArray()
                    .first()
                    .toObject()
                    .value(u"coding"_s)
                    .toArray()
                    .first()
                    .toObject()
                    .value(u"code"_s)
                    .toString() != u"laboratory")
                return true;
            (QDateTime::fromString(effective(r), Qt::ISODate) >= cut ? expectedAfter : expectedBefore)++;
            return true;
        });
        QVERIFY(expectedAfter > 0 && expectedBefore > 0);
        const QString q = u"Observation?patient=%1&category=laboratory&_count=50&date="_s.arg(m_epicMother);
        QCOMPARE(searchAll(m_http, url(m_epic, q + u"ge2020-01-01"_s), m_epicToken).resources.size(),
                 expectedAfter);
        QCOMPARE(searchAll(m_http, url(m_epic, q + u"lt2020-01-01"_s), m_epicToken).resources.size(),
                 expectedBefore);
        QCOMPARE(searchAll(m_http, url(m_epic, q + u"ge2020&date=lt2020-01-01"_s), m_epicToken).resources.size(),
                 0);
        QCOMPARE(searchAll(m_http, url(m_epic, q + u"nonsense"_s), m_epicToken).lastStatus, 400);

        // athena _lastUpdated: a date only.
        int expectedUpdated = 0;
        family().forEach(Vendor::Athena, u"mother"_s, u"Observation"_s, [&](const QJsonObject& r) {
            if (r.value(u"meta"_s).toObject().value(u"lastUpdated"_s).toString() >= u"2024-01-01"_s)
                ++expectedUpdated;
            return true;
        });
        QVERIFY(expectedUpdated > 0);
        const QString aq = u"Observation?patient=%1&_count=50&_lastUpdated="_s.arg(m_athenaMother);
        const SearchResult updated = searchAll(m_http, url(m_athena, aq + u"ge2024-01-01"_s), m_athenaToken);
        QCOMPARE(updated.resources.size(), expectedUpdated);
        // The cursor of a filtered search keeps the filter.
        if (!updated.nextLinks.isEmpty())
            QVERIFY(updated.nextLinks.first().contains(u"_lastUpdated=ge2024-01-01"_s));
        QCOMPARE(m_http.getWithToken(url(m_athena, aq + u"ge2024-01-01T00:00:00Z"_s), m_athenaToken).status, 400);
    }

    void countParameter()
    {
        const QString base = u"Observation?patient=%1&category=vital-signs"_s.arg(m_epicMother);
        const SearchResult def = searchAll(m_http, url(m_epic, base), m_epicToken, 1);
        QCOMPARE(def.resources.size(), 50);
        const SearchResult big = searchAll(m_http, url(m_epic, base + u"&_count=1000"_s), m_epicToken, 1);
        QCOMPARE(big.resources.size(), 200);
        const SearchResult small = searchAll(m_http, url(m_epic, base + u"&_count=7"_s), m_epicToken, 1);
        QCOMPARE(small.resources.size(), 7);
    }

    void includeMedication()
    {
        const SearchResult s = searchAll(
            m_http,
            url(m_athena,
                u"MedicationRequest?patient=%1&intent=order,plan&_include=MedicationRequest:medication"_s.arg(
                    m_athenaMother)),
            m_athenaToken);
        QCOMPARE(s.resources.size(), family().count(Vendor::Athena, u"mother"_s, u"MedicationRequest"_s));
        const QStringList meds = family().ids(Vendor::Athena, u"mother"_s, u"Medication"_s);
        QCOMPARE(idsOf(s.includes), QSet<QString>(meds.begin(), meds.end()));
        // intent filters: nothing is a proposal.
        const SearchResult none =
            searchAll(m_http, url(m_athena, u"MedicationRequest?patient=%1&intent=proposal"_s.arg(m_athenaMother)),
                      m_athenaToken);
        QCOMPARE(none.resources.size(), 0);
    }

    void usCoreSearches()
    {
        // Observation by code (Epic allows code instead of category).
        int hba1c = 0;
        family().forEach(Vendor::Epic, u"mother"_s, u"Observation"_s, [&](const QJsonObject& r) {
            hba1c += QJsonDocument(r.value(u"code"_s).toObject()).toJson().contains("\"4548-4\"") ? 1 : 0;
            return true;
        });
        QVERIFY(hba1c > 0);
        QCOMPARE(searchAll(m_http,
                           url(m_epic, u"Observation?patient=%1&code=http://loinc.org|4548-4"_s.arg(m_epicMother)),
                           m_epicToken)
                     .resources.size(),
                 hba1c);
        // Patient searches find the token's patient only.
        const QString mrn = family()
                                .resource(Vendor::Epic, u"mother"_s, u"Patient"_s, 0)
                                .value(u"identifier"_s)
                                .toArray()
                                .first()
                                .toObject()
                                .value(u"value"_s)
                                .toString();
        QCOMPARE(searchAll(m_http, url(m_epic, u"Patient?identifier="_s + mrn), m_epicToken).resources.size(), 1);
        QCOMPARE(searchAll(m_http, url(m_epic, u"Patient?_id="_s + m_epicMother), m_epicToken).resources.size(),
                 1);
        QCOMPARE(searchAll(m_http, url(m_epic, u"Patient?name=Ellison&birthdate=1945-06-02"_s), m_epicToken)
                     .resources.size(),
                 1);
        QCOMPARE(searchAll(m_http, url(m_epic, u"Patient?name=Nobody"_s), m_epicToken).resources.size(), 0);
        // DiagnosticReport by category; Condition by clinical status.
        QCOMPARE(searchAll(m_http,
                           url(m_athena, u"DiagnosticReport?patient=%1&category=LAB"_s.arg(m_athenaMother)),
                           m_athenaToken)
                     .resources.size(),
                 family().count(Vendor::Athena, u"mother"_s, u"DiagnosticReport"_s));
        QCOMPARE(searchAll(m_http,
                           url(m_athena, u"Condition?patient=%1&clinical-status=resolved"_s.arg(m_athenaMother)),
                           m_athenaToken)
                     .resources.size(),
                 0);
        // _id for directory data.
        const QString org = family().ids(Vendor::Athena, u"mother"_s, u"Organization"_s).first();
        QCOMPARE(searchAll(m_http, url(m_athena, u"Organization?_id="_s + org), m_athenaToken).resources.size(),
                 1);
    }

    void epicSessionBelongsToItsToken()
    {
        const SearchResult first =
            searchAll(m_http, url(m_epic, u"Observation?patient=%1&category=vital-signs"_s.arg(m_epicMother)),
                      m_epicToken, 1);
        const QString next = first.nextLinks.first();
        const QJsonObject other = launch(m_http, m_epic, u"mother"_s);
        QCOMPARE(m_http.getWithToken(QUrl(next), other.value(u"access_token"_s).toString()).status, 400);
        QCOMPARE(m_http.getWithToken(QUrl(next), m_epicToken).status, 200);
        QCOMPARE(m_http.getWithToken(url(m_epic, u"Observation?sessionID=12-0000"_s), m_epicToken).status, 400);
    }

    // A 100,000-resource history is served page by page without building it up front.
    void largeScale()
    {
        DemoServer big;
        DemoServerOptions o;
        o.scale = 100;
        QVERIFY(big.start(o).ok());
        QVERIFY(big.family().totalCount(Vendor::Epic, u"mother"_s) >= 100000);
        const Endpoint e = discover(m_http, big, u"demo-epic"_s);
        const Endpoint a = discover(m_http, big, u"demo-athena"_s);
        const QString token = launch(m_http, e, u"mother"_s).value(u"access_token"_s).toString();
        const QString atoken = launch(m_http, a, u"mother"_s).value(u"access_token"_s).toString();
        const QString patient = big.family().patient(u"mother"_s)->epicId;
        const SearchResult pages = searchAll(
            m_http,
            QUrl(e.base.toString() + u"/Observation?patient=%1&category=vital-signs&_count=200"_s.arg(patient)),
            token, 5);
        QCOMPARE(pages.resources.size(), 1000);
        QCOMPARE(pages.nextLinks.size(), 5);
        // Jump to the last resource with an athena cursor.
        const QString apatient = big.family().patient(u"mother"_s)->athenaId;
        const qint64 n = big.family().count(Vendor::Athena, u"mother"_s, u"Observation"_s);
        const QString lastId =
            big.family().resource(Vendor::Athena, u"mother"_s, u"Observation"_s, n - 1).value(u"id"_s).toString();
        const SearchResult tail = searchAll(
            m_http,
            QUrl(a.base.toString() + u"/Observation?patient=%1&_count=50&cursor=%2"_s.arg(apatient, lastId)),
            atoken);
        QCOMPARE(tail.resources.size(), 1);
        QCOMPARE(tail.resources.first().value(u"id"_s).toString(), lastId);
        QVERIFY(tail.nextLinks.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDemoSearch)
#include "TestDemoSearch.moc"
