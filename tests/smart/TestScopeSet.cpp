// SMART scope parsing (v1 and v2) and default scopes per vendor.
#include "core/smart/ScopeSet.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hh::smart;

class TestScopeSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void permissions_data();
    void permissions();
    void contextsAndNonResourceScopes();
    void restrictions();
    void duplicatesAndWhitespace();
    void epicStyleGrantedScope();
    void defaultScopes_data();
    void defaultScopes();
    void preferredVersion();
};

void TestScopeSet::permissions_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("read");
    QTest::addColumn<bool>("search");

    QTest::newRow("v1 read") << u"patient/Observation.read"_s << u"Observation"_s << true << true;
    QTest::newRow("v1 read other type") << u"patient/Observation.read"_s << u"Condition"_s << false << false;
    QTest::newRow("v1 write only") << u"patient/Observation.write"_s << u"Observation"_s << false << false;
    QTest::newRow("v1 star") << u"patient/Observation.*"_s << u"Observation"_s << true << true;
    QTest::newRow("v1 wildcard type") << u"patient/*.read"_s << u"Condition"_s << true << true;
    QTest::newRow("v2 rs") << u"patient/Observation.rs"_s << u"Observation"_s << true << true;
    QTest::newRow("v2 r") << u"patient/Binary.r"_s << u"Binary"_s << true << false;
    QTest::newRow("v2 s") << u"patient/Observation.s"_s << u"Observation"_s << false << true;
    QTest::newRow("v2 cruds") << u"patient/Coverage.cruds"_s << u"Coverage"_s << true << true;
    QTest::newRow("v2 cu") << u"patient/Basic.cu"_s << u"Basic"_s << false << false;
    QTest::newRow("v2 wildcard") << u"patient/*.rs"_s << u"Goal"_s << true << true;
    QTest::newRow("v2 wrong order") << u"patient/Observation.sr"_s << u"Observation"_s << false << false;
    QTest::newRow("v2 repeated letter") << u"patient/Observation.rrs"_s << u"Observation"_s << false << false;
    QTest::newRow("v2 unknown letter") << u"patient/Observation.rx"_s << u"Observation"_s << false << false;
    QTest::newRow("user context") << u"user/Condition.read"_s << u"Condition"_s << true << true;
    QTest::newRow("system context ignored") << u"system/Condition.read"_s << u"Condition"_s << false << false;
    QTest::newRow("case matters for type") << u"patient/observation.read"_s << u"Observation"_s << false << false;
    QTest::newRow("malformed") << u"patient/Observation"_s << u"Observation"_s << false << false;
    QTest::newRow("empty") << QString() << u"Observation"_s << false << false;
}

void TestScopeSet::permissions()
{
    QFETCH(QString, scope);
    QFETCH(QString, type);
    QFETCH(bool, read);
    QFETCH(bool, search);
    const ScopeSet set = ScopeSet::parse(scope);
    QCOMPARE(set.mayRead(type), read);
    QCOMPARE(set.maySearch(type), search);
    QCOMPARE(set.mayAccess(type), read || search);
}

void TestScopeSet::contextsAndNonResourceScopes()
{
    const ScopeSet set = ScopeSet::parse(u"launch/patient openid fhirUser offline_access patient/Patient.read"_s);
    QCOMPARE(set.scopes().size(), 5);
    QVERIFY(set.contains(u"openid"));
    QVERIFY(set.contains(u"fhirUser"));
    QVERIFY(set.hasOfflineAccess());
    QCOMPARE(set.resourceScopes().size(), 1);
    QCOMPARE(set.resourceScopes().first().context, u"patient"_s);
    QVERIFY(set.mayRead(u"Patient"));
    QVERIFY(!set.mayRead(u"launch"));
    QVERIFY(!ScopeSet::parse(u"openid"_s).hasOfflineAccess());
    QVERIFY(ScopeSet::parse(QString()).isEmpty());
}

void TestScopeSet::restrictions()
{
    const ScopeSet restricted = ScopeSet::parse(
        u"patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory"_s);
    QVERIFY(restricted.maySearch(u"Observation"));
    QVERIFY(restricted.isRestricted(u"Observation"));
    QCOMPARE(restricted.resourceScopes().first().restriction,
             u"category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory"_s);

    const ScopeSet both =
        ScopeSet::parse(u"patient/Observation.rs?category=x|laboratory patient/Observation.rs"_s);
    QVERIFY(!both.isRestricted(u"Observation"));
    QVERIFY(!ScopeSet::parse(u"patient/Condition.read"_s).isRestricted(u"Condition"));
    QVERIFY(!ScopeSet::parse(u"openid"_s).isRestricted(u"Condition")); // not granted at all ≠ restricted
}

void TestScopeSet::duplicatesAndWhitespace()
{
    const ScopeSet set = ScopeSet::parse(u"  openid   openid\tpatient/Goal.read  "_s);
    // Tabs are not scope separators in OAuth; only spaces are. "openid\tpatient/Goal.read" is one
    // unknown token, so Goal is not granted.
    QVERIFY(!set.mayRead(u"Goal"));
    const ScopeSet spaced = ScopeSet::parse(u"  openid   openid patient/Goal.read  "_s);
    QCOMPARE(spaced.scopes(), QStringList({u"openid"_s, u"patient/Goal.read"_s}));
    QCOMPARE(spaced.toString(), u"openid patient/Goal.read"_s);
}

void TestScopeSet::epicStyleGrantedScope()
{
    // A v1 reply to a request: Epic grants requested ∩ registered APIs.
    const ScopeSet set =
        ScopeSet::parse(u"fhirUser launch/patient openid patient/AllergyIntolerance.read patient/Condition.read "
                        "patient/Observation.read patient/Patient.read"_s);
    QVERIFY(set.mayAccess(u"Observation"));
    QVERIFY(set.mayAccess(u"Patient"));
    QVERIFY(!set.mayAccess(u"Coverage"));
    QVERIFY(!set.hasOfflineAccess());
}

void TestScopeSet::defaultScopes_data()
{
    QTest::addColumn<Vendor>("vendor");
    QTest::addColumn<ScopeVersion>("version");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<bool>("profile");
    QTest::newRow("epic v1") << Vendor::Epic << ScopeVersion::V1 << u".read"_s << false;
    QTest::newRow("athena v1") << Vendor::Athena << ScopeVersion::V1 << u".read"_s << true;
    QTest::newRow("other v2") << Vendor::Other << ScopeVersion::V2 << u".rs"_s << false;
}

void TestScopeSet::defaultScopes()
{
    QFETCH(Vendor, vendor);
    QFETCH(ScopeVersion, version);
    QFETCH(QString, suffix);
    QFETCH(bool, profile);
    const QStringList scopes = ScopeSet::defaultScopes(vendor, version);
    for (const char* s : {"launch/patient", "openid", "fhirUser", "offline_access"})
        QVERIFY2(scopes.contains(QLatin1StringView(s)), s);
    QCOMPARE(scopes.contains(u"profile"_s), profile);
    const QStringList types{u"Patient"_s,
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
                            u"Binary"_s};
    for (const QString& t : types)
        QVERIFY2(scopes.contains(u"patient/"_s + t + suffix), qPrintable(t));
    QCOMPARE(scopes.size(), types.size() + 4 + (profile ? 1 : 0));
    // Round trip: the default request grants everything the sync needs.
    const ScopeSet parsed = ScopeSet::parse(ScopeSet::defaultScopeString(vendor, version));
    for (const QString& t : types) {
        QVERIFY(parsed.mayRead(t));
        QVERIFY(parsed.maySearch(t));
    }
}

void TestScopeSet::preferredVersion()
{
    const QStringList v2{u"permission-v1"_s, u"permission-v2"_s};
    QCOMPARE(ScopeSet::preferredVersion(Vendor::Epic, v2), ScopeVersion::V1);
    QCOMPARE(ScopeSet::preferredVersion(Vendor::Athena, v2), ScopeVersion::V1);
    QCOMPARE(ScopeSet::preferredVersion(Vendor::Other, v2), ScopeVersion::V2);
    QCOMPARE(ScopeSet::preferredVersion(Vendor::Other, {u"permission-v1"_s}), ScopeVersion::V1);
}

QTEST_GUILESS_MAIN(TestScopeSet)
#include "TestScopeSet.moc"
