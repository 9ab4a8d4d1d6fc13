// Measures the clinical pipeline on a demo patient (not a test; built on demand):
//   tst_pipeline_measure [--scale N] [--patient mother] [--both]
// Prints the time to store the raw rows (SyncSession::storePage, the sync's own write path), the time of
// a first pipeline run, of a second (no-op) run, and the peak RSS.

#include "core/demo/SyntheticFamily.h"
#include "db/ClinicalPipeline.h"
#include "db/ConnectionFactory.h"
#include "pipeline/PipelineTestSupport.h"
#include "sync/SyncTestSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTextStream>
#include <QUrl>

using namespace hh;

namespace {
qint64 peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int scale = 100;
    QString patient = QStringLiteral("mother");
    bool both = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == u"--scale" && i + 1 < args.size())
            scale = args.at(++i).toInt();
        else if (args.at(i) == u"--patient" && i + 1 < args.size())
            patient = args.at(++i);
        else if (args.at(i) == u"--both")
            both = true;
    }
    QTextStream out(stdout);
    synctest::TestVault vault;
    if (!vault.isValid()) {
        out << "vault: " << vault.error() << "\n";
        return 1;
    }
    demo::SyntheticFamily family(scale);
    const QString profileId = vault.addProfile(patient);
    QList<demo::Vendor> vendors{demo::Vendor::Epic};
    if (both)
        vendors.append(demo::Vendor::Athena);
    qint64 rows = 0;
    QElapsedTimer t;
    QList<QList<sync::RawResource>> generated;
    for (demo::Vendor v : vendors)
        generated.append(pipelinetest::demoPatientResources(family, v, patient));
    t.start();
    for (qsizetype i = 0; i < vendors.size(); ++i) {
        const demo::Vendor v = vendors.at(i);
        const QString ep = pipelinetest::demoEndpointId(v);
        vault.addEndpoint(ep, demo::vendorKey(v), ep, QUrl(QStringLiteral("http://127.0.0.1:1/") + ep));
        const QString conn = vault.addConnection(profileId, ep, demo::vendorKey(v));
        auto n = pipelinetest::storeResources(vault.factory(), conn, generated.at(i));
        if (!n) {
            out << "store: " << n.error().detail() << "\n";
            return 1;
        }
        rows += *n;
    }
    const qint64 storeMs = t.elapsed();
    out << "raw rows stored: " << rows << " in " << storeMs << " ms (" << (rows * 1000 / std::max<qint64>(1, storeMs))
        << " rows/s, SyncSession::storePage only)\n" << Qt::flush;

    if (args.contains(QStringLiteral("--covering"))) {
        QSqlQuery q(vault.db());
        q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS idx_norm_raw_state ON profile_fhir_resources_normalized(raw_id, raw_hash, normalizer_version, dedup_group)"));
        q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS idx_raw_state ON profile_fhir_resources_raw(profile_id, connection_id, resource_type, resource_id, content_hash, missing_since_job_id)"));
    }
    generated.clear();
    db::ClinicalPipeline pipeline(vault.factory());
    t.restart();
    auto first = pipeline.runForProfile(profileId);
    const qint64 firstMs = t.elapsed();
    if (!first) {
        out << "pipeline: " << first.error().detail() << "\n";
        return 1;
    }
    out << "ratio store / (store + pipeline): " << double(storeMs) / double(storeMs + firstMs) << "\n";
    out << "pipeline first run: " << firstMs << " ms (" << (rows * 1000 / std::max<qint64>(1, firstMs))
        << " rows/s): normalized " << first->normalized << ", errors " << first->normalizeErrors << ", groups "
        << first->groupsRecomputed << ", clean rows " << first->cleanRows << "\n" << Qt::flush;
    t.restart();
    auto second = pipeline.runForProfile(profileId);
    out << "pipeline second run: " << t.elapsed() << " ms, normalized " << (second ? second->normalized : -1)
        << ", groups " << (second ? second->groupsRecomputed : -1) << ", summary rebuilt "
        << (second && second->summaryWritten) << "\n";
    {
        QSqlQuery q(vault.db());
        for (const char* sql : {"SELECT id, connection_id, resource_type, resource_id, content_hash FROM profile_fhir_resources_raw WHERE profile_id = ?",
                                "SELECT raw_id, raw_hash, normalizer_version, dedup_group FROM profile_fhir_resources_normalized WHERE profile_id = ?",
                                "SELECT dedup_key FROM profile_fhir_resources_clean WHERE profile_id = ?"}) {
            t.restart();
            q.prepare(QString::fromLatin1(sql));
            q.addBindValue(profileId);
            q.exec();
            qint64 n = 0;
            while (q.next()) { for (int i = 0; i < q.record().count(); ++i) (void)q.value(i); ++n; }
            out << "scan " << n << " rows: " << t.elapsed() << " ms: " << sql << "\n";
        }
    }
    {
        QSqlQuery q(vault.db());
        for (const char* sql : {"SELECT count(*), avg(length(resource_json)) FROM profile_fhir_resources_raw",
                                "SELECT count(*), avg(length(normalized_json)) FROM profile_fhir_resources_normalized",
                                "SELECT count(*), avg(length(clean_json) + length(sources)) FROM profile_fhir_resources_clean",
                                "PRAGMA page_count"}) {
            q.exec(QString::fromLatin1(sql));
            if (q.next())
                out << sql << ": " << q.value(0).toString() << " " << q.value(1).toString() << "\n";
        }
    }
    if (args.contains(QStringLiteral("--dump-summary"))) {
        QSqlQuery q(vault.db());
        q.exec(QStringLiteral("SELECT summary_json FROM profile_summary"));
        while (q.next())
            out << q.value(0).toString() << "\n";
    }
    if (args.contains(QStringLiteral("--details"))) {
        QSqlQuery q(vault.db());
        q.exec(QStringLiteral("SELECT resource_type, count(*), sum(error IS NOT NULL) FROM profile_fhir_resources_normalized "
                              "GROUP BY resource_type"));
        while (q.next())
            out << "normalized " << q.value(0).toString() << ": " << q.value(1).toLongLong() << " (errors "
                << q.value(2).toLongLong() << ")\n";
        q.exec(QStringLiteral("SELECT resource_type, count(*), sum(sources LIKE '%demo-epic%' AND sources LIKE "
                              "'%demo-athena%'), sum(has_conflict) FROM profile_fhir_resources_clean GROUP BY resource_type"));
        while (q.next())
            out << "clean " << q.value(0).toString() << ": " << q.value(1).toLongLong() << ", from both "
                << q.value(2).toLongLong() << ", conflicts " << q.value(3).toLongLong() << "\n";
    }
    if (args.contains(QStringLiteral("--merged"))) {
        QSqlQuery q(vault.db());
        q.exec(QStringLiteral("SELECT resource_type, display, value_num, value_unit, has_conflict, substr(clean_json, 1, 2000) FROM "
                              "profile_fhir_resources_clean WHERE sources LIKE '%demo-epic%' AND sources LIKE '%demo-athena%' "
                              "AND resource_type = 'Observation'"));
        while (q.next())
            out << "merged " << q.value(0).toString() << " " << q.value(1).toString() << " " << q.value(2).toString() << " "
                << q.value(3).toString() << " conflict " << q.value(4).toString() << "\n"
                << (q.value(4).toInt() ? q.value(5).toString() + u'\n' : QString());
    }
    out << "peak RSS: " << peakRssKb() / 1024 << " MB\n";
    pipeline.releaseThread();
    return 0;
}
