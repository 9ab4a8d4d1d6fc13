// Replays every input saved under tests/data/fuzz-regressions/normalizer/ (crashes found by
// fuzz_normalizer, kept forever) through the same harness the fuzz target runs, plus the
// hand-written samples and a few hostile inputs, so a fixed crash can never come back unnoticed.
#include "clinical/ClinicalSamples.h"
#include "fuzz/NormalizerFuzzHarness.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savedInputs_data();
    void savedInputs();
    void hostileInputs_data();
    void hostileInputs();
};

void TestFuzzRegressions::savedInputs_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(HH_TEST_DATA_DIR "/fuzz-regressions/normalizer"));
    const QStringList files = dir.entryList(QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString& f : files)
        if (f != u".gitkeep" && f != u"README.md")
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    // Always at least one row, so the test runs even while the directory holds no crash input.
    QTest::newRow("all-samples-bundle") << QString();
}

void TestFuzzRegressions::savedInputs()
{
    QFETCH(QString, path);
    QByteArray bytes;
    if (path.isEmpty()) {
        QByteArray all = "[";
        for (const auto& s : hh::clinical::samples::all()) {
            if (all.size() > 1)
                all += ',';
            all += s.json;
        }
        bytes = all + ']';
    } else {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        bytes = f.readAll();
    }
    const QString problem = hh::clinical::fuzz::runNormalizerPipeline(reinterpret_cast<const uint8_t*>(bytes.constData()),
                                                                      size_t(bytes.size()));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestFuzzRegressions::hostileInputs_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("\xff\xfe{{{");
    QTest::newRow("deep nesting") << QByteArray(5000, '[');
    QTest::newRow("bundle of junk") << QByteArray(R"({"resourceType":"Bundle","entry":[1,"x",{"resource":[]},{"resource":{"resourceType":""}}]})");
    QTest::newRow("numbers everywhere")
        << QByteArray(R"([{"resourceType":"Observation","code":{"coding":[{"system":1,"code":2}]},"valueQuantity":{"value":1e308,"system":"http://unitsofmeasure.org","code":"[degF]"},
           "referenceRange":[{"low":{"value":-1e308},"high":{"value":1e308}}],"effectiveDateTime":"9999-12-31T23:59:59-14:00"}])");
    QTest::newRow("self references")
        << QByteArray(R"({"resourceType":"Bundle","entry":[{"fullUrl":"Medication/a","resource":{"resourceType":"MedicationRequest","id":"a","medicationReference":{"reference":"Medication/a"}}}]})");
    QTest::newRow("duplicate everything") << QByteArray(R"([{"resourceType":"Immunization","vaccineCode":{"text":"x"}},{"resourceType":"Immunization","vaccineCode":{"text":"x"}}])");
    QTest::newRow("unicode text")
        << QByteArray("{\"resourceType\":\"Condition\",\"code\":{\"text\":\"\xe2\x80\x8f|\xf0\x9f\x98\x80 (disorder) [x\"}}");
}

void TestFuzzRegressions::hostileInputs()
{
    QFETCH(QByteArray, bytes);
    const QString problem = hh::clinical::fuzz::runNormalizerPipeline(reinterpret_cast<const uint8_t*>(bytes.constData()),
                                                                      size_t(bytes.size()));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "TestFuzzRegressions.moc"
