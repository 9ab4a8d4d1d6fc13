// The page-reader fuzz harness (PageFuzzHarness.h) in the normal test suite: every generated seed
// (demo-server pages) and the inputs fuzz_fhir_page once broke an invariant with, written here as
// literals, so a fixed bug cannot come back unnoticed even where clang/libFuzzer is not available.
#include "core/sync/FhirClient.h"
#include "core/sync/FhirPage.h"
#include "fuzz/PageFuzzHarness.h"
#include "fuzz/PageSeeds.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hh::sync;
using namespace hh::sync::fuzz;

class TestPageFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedsHoldTheInvariants();
    void seedsCoverTheDemoShapes();
    void foundInputs_data();
    void foundInputs();
    void hostileInputs_data();
    void hostileInputs();
};

namespace {

QString run(const QByteArray& input)
{
    return runPageReader(reinterpret_cast<const uint8_t*>(input.constData()), size_t(input.size()));
}

} // namespace

void TestPageFuzzRegressions::seedsHoldTheInvariants()
{
    const QList<Seed> seeds = makePageSeeds();
    QVERIFY(seeds.size() > 40);
    for (const Seed& s : seeds) {
        const QString problem = run(s.input);
        QVERIFY2(problem.isEmpty(), qPrintable(s.name + u": "_s + problem));
    }
}

// The seeds are only worth fuzzing from if they are real pages: searchsets with resources, Epic's
// outcome entries, next links of both vendors, reads and error replies.
void TestPageFuzzRegressions::seedsCoverTheDemoShapes()
{
    int resources = 0, withNext = 0, withWarnings = 0, reads = 0, errors = 0;
    QSet<int> bases;
    for (const Seed& s : makePageSeeds()) {
        const auto selector = uint8_t(s.input.at(0));
        const QByteArray body = s.input.mid(1);
        bases.insert((selector >> 4) & 7);
        if ((selector & 3) == 3) {
            ++errors;
            continue;
        }
        const hh::Result<FhirPage> page = (selector & 3) == 2 ? FhirPage::fromReadBody(body, {}) : FhirPage::fromSearchBody(body);
        if (!page)
            continue;
        reads += (selector & 3) == 2 ? 1 : 0;
        resources += int(page->resources.size());
        withNext += page->nextUrl.isEmpty() ? 0 : 1;
        withWarnings += page->warnings.isEmpty() ? 0 : 1;
    }
    QVERIFY2(resources >= 100, qPrintable(QString::number(resources)));
    QVERIFY(withNext >= 4);
    QVERIFY(withWarnings >= 4);
    QVERIFY(reads >= 4);
    QVERIFY(errors >= 4);
    QVERIFY(bases.contains(0) && bases.contains(1));
}

void TestPageFuzzRegressions::foundInputs_data()
{
    QTest::addColumn<QByteArray>("input");
    // Inputs that broke an invariant of the page harness, minimized, one row per bug with what it was.
    QTest::newRow("baseline: next link on the server") << pageInput(
        0, 0, 0, R"({"resourceType":"Bundle","link":[{"relation":"next","url":"Condition?page=2"}]})");
    // FhirClient::isOnServer accepted a next link whose dot segments lead out of the FHIR base path
    // (the token would have gone to http://127.0.0.1:8080/admin).
    QTest::newRow("next link with dot segments") << pageInput(
        0, 0, 0,
        R"({"resourceType":"Bundle","link":[{"relation":"next","url":"http://127.0.0.1:8080/demo-epic/api/FHIR/R4/../../../admin"}]})");
    QTest::newRow("next link with encoded dot segments") << pageInput(
        0, 1, 1, R"({"resourceType":"Bundle","link":[{"relation":"next","url":"http://127.0.0.1:8080/demo-athena/fhir/r4/%2e%2E/%2E%2e/x"}]})");
    QTest::newRow("relative next link with dot segments")
        << pageInput(0, 0, 5, R"({"resourceType":"Bundle","link":[{"relation":"next","url":"../../admin?x=1"}]})");
    // Found by fuzz_fhir_page (from an athena seed, dictionary word "%2F"): isOnServer compared the
    // decoded path, so ".../fhir/r4%2F/x" passed for a path below ".../fhir/r4" although the request
    // goes to another segment ("r4%2F").
    QTest::newRow("encoded slash after the base path") << pageInput(
        0, 0, 1,
        R"({"link":[{"relation":"self","url":"http://127.0.0.1:8080/demo-athena/fhir/r4%2F/Goacount=4&patient=a-24680.E-24004"}],)"
        R"("resourceType":"Bundle","timestamp":"2025-11-27T00:00:00.000Z","type":"searchset"})");
    QTest::newRow("encoded slash in the next link") << pageInput(
        0, 0, 0, R"({"resourceType":"Bundle","link":[{"relation":"next","url":"http://127.0.0.1:8080/demo-epic/api/FHIR/R4%2FObservation"}]})");
    // FhirPage put the whole resourceType of a wrong answer into the developer detail (which is logged).
    QTest::newRow("huge resourceType in the error detail")
        << pageInput(0, 0, 0, "{\"resourceType\":\"" + QByteArray(5000, 'X') + "\"}");
}

void TestPageFuzzRegressions::foundInputs()
{
    QFETCH(QByteArray, input);
    const QString problem = run(input);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPageFuzzRegressions::hostileInputs_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("selector only") << QByteArray(1, '\0');
    QTest::newRow("not json") << pageInput(0, 0, 0, "\xff\xfe{{{");
    QTest::newRow("deep nesting") << pageInput(0, 0, 0, QByteArray(5000, '['));
    QTest::newRow("deep object") << pageInput(0, 2, 3, "{\"resourceType\":\"Bundle\",\"entry\":" + QByteArray(3000, '['));
    QTest::newRow("long type") << pageInput(0, 0, 0, "{\"resourceType\":\"" + QByteArray(100000, 'B') + "\"}");
    QTest::newRow("long expected type") << pageInput(2, 0, 0, "{\"resourceType\":\"" + QByteArray(100000, 'P') + "\",\"id\":\"1\"}");
    QTest::newRow("unterminated reference")
        << pageInput(0, 0, 4, R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"A","id":"1","x":{"reference":"Practitioner/)");
    QTest::newRow("unicode escapes in a reference")
        << pageInput(0, 1, 6, R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"A","id":"1","x":{"reference":"Organization/\ud800\u0000\u"}}}]})");
    QTest::newRow("many outcome issues")
        << pageInput(3, 0, 0, "{\"resourceType\":\"OperationOutcome\",\"issue\":[" + QByteArray("{\"code\":\"a\"},").repeated(500) + "{}]}");
}

void TestPageFuzzRegressions::hostileInputs()
{
    QFETCH(QByteArray, input);
    const QString problem = run(input);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestPageFuzzRegressions)
#include "TestPageFuzzRegressions.moc"
