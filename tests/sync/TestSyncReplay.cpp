// Every recorded vendor sync of the corpus (fhir-corpus/epic/*, fhir-corpus/athena/*), replayed by the demo
// server, synced into a real vault: the vault ends up holding exactly the resources the recording holds
// (every resource of every 200 answer, OperationOutcomes excepted), and a second sync rewrites nothing.

#include "core/demo/DemoServer.h"
#include "core/sync/SyncScheduler.h"
#include "db/SyncStore.h"
#include "sync/SyncTestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace hh;
using namespace hh::sync;

namespace {

QString corpusDir()
{
    return QStringLiteral(HH_CORPUS_DIR);
}

// "Type/id" of every resource in the recording's 200 answers, read straight from the files.
QSet<QString> heldByRecording(const QString& dir)
{
    QSet<QString> out;
    QFile indexFile(QDir(dir).filePath(QStringLiteral("index.json")));
    if (!indexFile.open(QIODevice::ReadOnly))
        return out;
    const QJsonArray tracks = QJsonDocument::fromJson(indexFile.readAll()).object().value(QStringLiteral("tracks")).toArray();
    auto add = [&](const QJsonObject& r) {
        const QString type = r.value(QStringLiteral("resourceType")).toString();
        if (!type.isEmpty() && type != u"OperationOutcome")
            out.insert(type + u'/' + r.value(QStringLiteral("id")).toString());
    };
    for (const QJsonValue& v : tracks) {
        const QJsonObject t = v.toObject();
        const QString file = t.value(QStringLiteral("file")).toString();
        if (t.value(QStringLiteral("status")).toInt() != 200 || file.isEmpty())
            continue;
        QFile f(QDir(dir).filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        if (doc.value(QStringLiteral("resourceType")).toString() == u"Bundle") {
            for (const QJsonValue& e : doc.value(QStringLiteral("entry")).toArray())
                add(e.toObject().value(QStringLiteral("resource")).toObject());
        } else {
            add(doc);
        }
    }
    return out;
}

} // namespace

class TestSyncReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerSyncMetaTypes(); }

    void recordedSync_data()
    {
        QTest::addColumn<QString>("dir");
        if (!QDir(corpusDir()).exists())
            QSKIP("The FHIR corpus (HH_CORPUS_DIR) is not present: the replayed vendor syncs cannot run.");
        int rows = 0;
        for (const QString& vendor : {QStringLiteral("epic"), QStringLiteral("athena")}) {
            const QDir vendorDir(QDir(corpusDir()).filePath(vendor));
            for (const QString& rec : vendorDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
                if (!QFile::exists(vendorDir.filePath(rec + QStringLiteral("/index.json"))))
                    continue;
                QTest::newRow(qPrintable(vendor + u'/' + rec)) << vendorDir.filePath(rec);
                ++rows;
            }
        }
        if (rows == 0)
            QSKIP("No recorded vendor sync in the corpus.");
    }

    void recordedSync()
    {
        QFETCH(QString, dir);
        demo::DemoServer server;
        demo::DemoServerOptions options;
        options.replayDir = dir;
        auto port = server.start(options);
        QVERIFY2(port.ok(), port.ok() ? "" : qPrintable(port.error().detail()));
        std::optional<demo::DemoEndpoint> ep;
        for (const demo::DemoEndpoint& e : server.endpoints()) {
            if (e.id.startsWith(QStringLiteral("replay-")))
                ep = e;
        }
        QVERIFY(ep.has_value());

        synctest::TestVault vault;
        QVERIFY2(vault.isValid(), qPrintable(vault.error()));
        const QString profile = vault.addProfile(QStringLiteral("Recorded patient"));
        vault.addEndpoint(ep->id, ep->vendor, ep->name, ep->fhirBaseUrl);
        const QString connection = vault.addConnection(profile, ep->id, ep->vendor);
        auto tokens = std::make_shared<synctest::DemoTokenProvider>();
        tokens->addConnection(connection, ep->fhirBaseUrl, QStringLiteral("self"));
        auto store = std::make_shared<db::SyncStore>(vault.factory());

        SyncEngineOptions o;
        o.http.retry.timeScale = 0.001;
        SyncScheduler scheduler(store, tokens, vault.userId(), o);
        QSignalSpy finished(&scheduler, &ISyncControl::connectionFinished);
        scheduler.syncConnection(connection);
        QVERIFY(finished.wait(60000));
        const SyncJobResult r = finished.takeFirst().at(0).value<SyncJobResult>();
        QCOMPARE(jobStatusKey(r.status), QStringLiteral("success"));

        QSet<QString> stored;
        {
            QSqlQuery q(vault.db());
            QVERIFY(q.exec(QStringLiteral("SELECT resource_type, resource_id FROM profile_fhir_resources_raw")));
            while (q.next())
                stored.insert(q.value(0).toString() + u'/' + q.value(1).toString());
        }
        const QSet<QString> expected = heldByRecording(dir);
        QVERIFY(!expected.isEmpty());
        const QSet<QString> missing = expected - stored;
        const QSet<QString> extra = stored - expected;
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not synced: ") + QStringList(missing.values()).join(u' ')));
        QVERIFY2(extra.isEmpty(), qPrintable(QStringLiteral("not in the recording: ") + QStringList(extra.values()).join(u' ')));
        QCOMPARE(r.writes.inserted, expected.size());
        QCOMPARE(vault.count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_raw WHERE "
                                            "resource_type = 'OperationOutcome'")),
                 0);

        // Again: the recorded bodies are the same (Epic's OperationOutcome fullUrl aside): nothing rewritten.
        scheduler.syncConnection(connection);
        QVERIFY(finished.wait(60000));
        const SyncJobResult again = finished.takeFirst().at(0).value<SyncJobResult>();
        QCOMPARE(again.status, JobStatus::Success);
        QCOMPARE(again.writes.inserted, 0);
        QCOMPARE(again.writes.updated, 0);
        vault.release();
    }
};

QTEST_GUILESS_MAIN(TestSyncReplay)
#include "TestSyncReplay.moc"
