// healthhub-bench at a tiny size with --json: every figure is present and positive. Timings are not
// asserted (they are figures, not tests); a figure that could not be measured (null) fails this test.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

class TestBenchSmoke : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tinyRunProducesEveryFigure()
    {
        QProcess bench;
        bench.setProcessChannelMode(QProcess::SeparateChannels);
        bench.start(QStringLiteral(HH_BENCH_EXE), {u"--resources"_s, u"50"_s, u"--runs"_s, u"2"_s, u"--json"_s});
        QVERIFY2(bench.waitForStarted(10000), qPrintable(bench.errorString()));
        QVERIFY(bench.waitForFinished(240000));
        const QByteArray err = bench.readAllStandardError();
        QCOMPARE(bench.exitStatus(), QProcess::NormalExit);
        QVERIFY2(bench.exitCode() == 0, err.constData());

        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(bench.readAllStandardOutput(), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        QVERIFY(doc.isObject());
        const QJsonObject o = doc.object();
        const QJsonObject notes = o.value(u"notes"_s).toObject();
        const QStringList keys{u"raw_insert_rows_per_s"_s,
                               u"pipeline_rows_per_s"_s,
                               u"pipeline_vs_raw_insert"_s,
                               u"pipeline_vs_raw_insert_cpu_bound"_s,
                               u"sync_loopback_resources_per_s"_s,
                               u"sync_pipeline_loopback_resources_per_s"_s,
                               u"peak_rss_mb"_s,
                               u"pipeline_peak_rss_mb"_s,
                               u"profile_open_ms"_s,
                               u"profile_open_first_ms"_s,
                               u"startup_ms"_s};
        for (const QString& key : keys) {
            QVERIFY2(o.contains(key), qPrintable(u"missing key "_s + key));
            QVERIFY2(o.value(key).isDouble() && o.value(key).toDouble() > 0,
                     qPrintable(key + u": "_s + notes.value(key).toString()));
        }
        // No schedule can beat the CPU bound: the pipeline's wall time is at least its CPU time over the cores.
        QVERIFY2(o.value(u"pipeline_vs_raw_insert"_s).toDouble() <=
                     o.value(u"pipeline_vs_raw_insert_cpu_bound"_s).toDouble() * 1.05,
                 qPrintable(notes.value(u"pipeline_vs_raw_insert_cpu_bound"_s).toString()));
        // The figures come with what they were measured on.
        const QJsonObject context = o.value(u"context"_s).toObject();
        QVERIFY(context.value(u"resources"_s).toInteger() >= 50);
        QCOMPARE(o.value(u"targets"_s).toObject().value(u"peak_rss_mb"_s).toString(), u"<=400"_s);
    }
};

QTEST_GUILESS_MAIN(TestBenchSmoke)
#include "TestBenchSmoke.moc"
