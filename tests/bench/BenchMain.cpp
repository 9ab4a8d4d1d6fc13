// healthhub-bench: the performance figures of issue 8, measured side by side in one run on this machine.
// See README.md "Performance" and `healthhub-bench --help`. Targets are printed beside the figures; nothing
// is asserted here (the bench smoke test only checks that every figure was produced).

#include "bench/BenchTypes.h"
#include "bench/BenchVault.h"
#include "bench/LocalBench.h"
#include "bench/ProfileOpenBench.h"
#include "bench/StartupBench.h"
#include "bench/SyncBench.h"
#include "core/demo/SyntheticFamily.h"
#include "core/sync/SyncTypes.h"
#include "db/ConnectionFactory.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace hh;
using namespace hh::bench;

namespace hh::bench {
double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}
} // namespace hh::bench

namespace {

const char* const kUsage = R"(Usage: healthhub-bench [OPTIONS]

Measures Health Hub's performance figures (issue 8) side by side on this machine and prints them
with their targets (nothing is asserted).

  --quick           10,000 resources instead of 100,000 (runs in under a minute)
  --resources N     at least N resources for the demo patient (the scale is derived)
  --scale N         the demo family's scale (mother at scale 100 is about 101,000 resources)
  --runs N          repetitions of profile_open_ms and startup_ms (median; default 5)
  --json            print one JSON object instead of the table
  --healthhub PATH  the healthhub executable for startup_ms (default: the one of this build)
  --skip-sync       do not run the loopback sync (sync_*, peak_rss_mb)
  --skip-startup    do not launch healthhub (startup_ms)
  --page-tx-baseline  also time the raw inserts with one transaction per 50-row page, as the sync
                    commits (context.breakdown.raw_insert_page_tx_seconds; a diagnostic)
  --help            this text

Progress goes to standard error; the table or JSON to standard output.
)";

void progress(const QString& text)
{
    std::fprintf(stderr, "[bench] %s\n", qPrintable(text));
    std::fflush(stderr);
}

QString loadAverage()
{
    QFile f(u"/proc/loadavg"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> parts = f.readAll().split(' ');
    return parts.size() >= 3 ? QString::fromLatin1(parts.at(0) + ' ' + parts.at(1) + ' ' + parts.at(2)) : QString();
}

int scaleFor(qint64 resources, const QString& key)
{
    // The smallest scale giving at least `resources` (counts grow with the scale).
    int lo = 1;
    int hi = demo::SyntheticFamily::kMaxScale;
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        if (demo::SyntheticFamily(mid).totalCount(demo::Vendor::Epic, key) >= resources)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

QString formatValue(const Figure& f)
{
    if (!f.measured)
        return u"n/a"_s;
    if (f.unit == u"ratio")
        return QString::number(f.value, 'f', 2);
    if (f.value >= 1000)
        return QLocale(QLocale::English).toString(qRound64(f.value));
    return QString::number(f.value, 'f', f.value < 10 ? 2 : 1);
}

QString formatTarget(const Figure& f)
{
    if (f.goal == Figure::Goal::None)
        return u"-"_s;
    const QString n = f.unit == u"ratio" ? QString::number(f.target, 'f', 2) : QString::number(f.target);
    return (f.goal == Figure::Goal::AtLeast ? u">= "_s : u"<= "_s) + n;
}

QString formatMet(const Figure& f)
{
    const auto met = f.met();
    if (!met)
        return f.goal == Figure::Goal::None ? u"-"_s : u"n/a"_s;
    return *met ? u"yes"_s : u"NO"_s;
}

void printTable(const QList<Figure>& figures, const QJsonObject& context)
{
    QTextStream out(stdout);
    out << "Health Hub benchmark  " << context.value(u"date"_s).toString() << "  "
        << context.value(u"cpus"_s).toInt() << " CPUs  load " << context.value(u"load_start"_s).toString()
        << " -> " << context.value(u"load_end"_s).toString() << "\n";
    out << "patient: " << context.value(u"patient"_s).toString() << " at demo-epic, scale "
        << context.value(u"scale"_s).toInt() << ", " << context.value(u"resources"_s).toInteger()
        << " resources\n\n";
    int w0 = 6, w1 = 5, w2 = 4, w3 = 6;
    for (const Figure& f : figures) {
        w0 = std::max(w0, static_cast<int>(f.key.size()));
        w1 = std::max(w1, static_cast<int>(formatValue(f).size()));
        w2 = std::max(w2, static_cast<int>(f.unit.size()));
        w3 = std::max(w3, static_cast<int>(formatTarget(f).size()));
    }
    out << u"figure"_s.leftJustified(w0) << "  " << u"value"_s.rightJustified(w1) << "  " << u"unit"_s.leftJustified(w2)
        << "  " << u"target"_s.leftJustified(w3) << "  met?\n";
    out << QString(w0 + w1 + w2 + w3 + 14, u'-') << "\n";
    for (const Figure& f : figures) {
        out << f.key.leftJustified(w0) << "  " << formatValue(f).rightJustified(w1) << "  " << f.unit.leftJustified(w2)
            << "  " << formatTarget(f).leftJustified(w3) << "  " << formatMet(f);
        if (!f.note.isEmpty())
            out << "  (" << f.note << ")";
        out << "\n";
    }
    out.flush();
}

void printJson(const QList<Figure>& figures, QJsonObject context)
{
    QJsonObject o;
    QJsonObject targets;
    QJsonObject notes;
    for (const Figure& f : figures) {
        o.insert(f.key, f.measured ? QJsonValue(f.value) : QJsonValue(QJsonValue::Null));
        if (f.goal != Figure::Goal::None)
            targets.insert(f.key, (f.goal == Figure::Goal::AtLeast ? u">="_s : u"<="_s) + QString::number(f.target));
        if (!f.note.isEmpty())
            notes.insert(f.key, f.note);
    }
    o.insert(u"targets"_s, targets);
    o.insert(u"notes"_s, notes);
    o.insert(u"context"_s, context);
    QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Figure figure(const QString& key, const QString& unit, Figure::Goal goal = Figure::Goal::None, double target = 0)
{
    Figure f;
    f.key = key;
    f.unit = unit;
    f.goal = goal;
    f.target = target;
    return f;
}

QJsonArray toJsonArray(const QList<double>& values)
{
    QJsonArray a;
    for (double v : values)
        a.append(std::round(v * 10) / 10);
    return a;
}

void setValue(Figure& f, double value)
{
    f.value = value;
    f.measured = value > 0 && std::isfinite(value);
}

} // namespace

int main(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--child-sync") == 0)
            return runChildSync(argc, argv);
        else if (std::strcmp(argv[i], "--child-pipeline") == 0)
            return runChildPipeline(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Quiet by default (also in the child processes): the app's debug logging costs time of its own.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        qputenv("QT_LOGGING_RULES", "hh.*.debug=false;hh.*.info=false;qt.qpa.*=false");
    QApplication app(argc, argv);
    sync::registerSyncMetaTypes();

    BenchConfig cfg;
    cfg.healthhub = QStringLiteral(HH_HEALTHHUB_EXE);
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args.at(i);
        const auto value = [&](qint64 min) -> std::optional<qint64> {
            bool ok = false;
            const qint64 v = i + 1 < args.size() ? args.at(++i).toLongLong(&ok) : 0;
            if (!ok || v < min)
                return std::nullopt;
            return v;
        };
        if (a == u"--help" || a == u"-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (a == u"--quick") {
            cfg.resources = 10000;
        } else if (a == u"--json") {
            cfg.json = true;
        } else if (a == u"--skip-sync") {
            cfg.skipSync = true;
        } else if (a == u"--skip-startup") {
            cfg.skipStartup = true;
        } else if (a == u"--page-tx-baseline") {
            cfg.pageTxBaseline = true;
        } else if (a == u"--resources" || a == u"--scale" || a == u"--runs") {
            const auto v = value(1);
            if (!v) {
                std::fprintf(stderr, "healthhub-bench: %s needs a positive number\n", qPrintable(a));
                return 2;
            }
            if (a == u"--resources")
                cfg.resources = *v;
            else if (a == u"--scale")
                cfg.scale = static_cast<int>(std::min<qint64>(*v, demo::SyntheticFamily::kMaxScale));
            else
                cfg.runs = static_cast<int>(std::min<qint64>(*v, 1000));
        } else if (a == u"--healthhub" && i + 1 < args.size()) {
            cfg.healthhub = args.at(++i);
        } else {
            std::fprintf(stderr, "healthhub-bench: unknown option %s (see --help)\n", qPrintable(a));
            return 2;
        }
    }

    QJsonObject context;
    context.insert(u"date"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    context.insert(u"cpus"_s, QThread::idealThreadCount());
    context.insert(u"kernel"_s, QSysInfo::kernelVersion());
    context.insert(u"load_start"_s, loadAverage());
    context.insert(u"patient"_s, cfg.patientKey);
    context.insert(u"pipeline_built"_s, pipelineAvailable());

    const int scale = cfg.scale > 0 ? cfg.scale : scaleFor(cfg.resources, cfg.patientKey);
    const demo::SyntheticFamily family(scale);
    const qint64 total = family.totalCount(demo::Vendor::Epic, cfg.patientKey);
    context.insert(u"scale"_s, scale);
    context.insert(u"resources"_s, total);
    progress(u"demo patient %1 at scale %2: %3 resources"_s.arg(cfg.patientKey).arg(scale).arg(total));

    Figure rawInsert = figure(u"raw_insert_rows_per_s"_s, u"rows/s"_s);
    Figure pipeline = figure(u"pipeline_rows_per_s"_s, u"rows/s"_s);
    Figure ratio = figure(u"pipeline_vs_raw_insert"_s, u"ratio"_s, Figure::Goal::AtLeast, 0.67);
    // What this machine's cores allow the ratio to be for the CPU the pipeline used (LocalBench.h).
    Figure ratioBound = figure(u"pipeline_vs_raw_insert_cpu_bound"_s, u"ratio"_s);
    Figure syncRate = figure(u"sync_loopback_resources_per_s"_s, u"res/s"_s);
    Figure syncPipelineRate = figure(u"sync_pipeline_loopback_resources_per_s"_s, u"res/s"_s);
    Figure peakRss = figure(u"peak_rss_mb"_s, u"MB"_s, Figure::Goal::AtMost, 400);
    Figure pipelineRss = figure(u"pipeline_peak_rss_mb"_s, u"MB"_s, Figure::Goal::AtMost, 400);
    Figure profileOpen = figure(u"profile_open_ms"_s, u"ms"_s, Figure::Goal::AtMost, 100);
    Figure profileOpenFirst = figure(u"profile_open_first_ms"_s, u"ms"_s);
    Figure startup = figure(u"startup_ms"_s, u"ms"_s, Figure::Goal::AtMost, 1000);
    QJsonObject breakdown;

    // 1. The loopback sync in a child process - first, so that RUSAGE_CHILDREN holds that child only.
    if (cfg.skipSync) {
        syncRate.note = peakRss.note = syncPipelineRate.note = pipelineRss.note = u"skipped (--skip-sync)"_s;
    } else {
        progress(u"sync over loopback (child process)..."_s);
        auto s = runSyncBench(scale, cfg.patientKey, QCoreApplication::applicationFilePath());
        if (!s) {
            syncRate.note = peakRss.note = syncPipelineRate.note = pipelineRss.note = u"failed: "_s + s.error().detail();
        } else {
            setValue(syncRate, s->syncSeconds > 0 ? s->resources / s->syncSeconds : 0);
            setValue(peakRss, s->peakRssChildMb);
            syncRate.note = u"%1 resources in %2 s, %3"_s.arg(s->resources).arg(s->syncSeconds, 0, 'f', 1).arg(s->status);
            peakRss.note = u"sync child, RUSAGE_CHILDREN (its own ru_maxrss: %1 MB)"_s.arg(s->rssAfterSyncMb, 0, 'f', 0);
            if (!s->childrenRusageClean)
                peakRss.note += u"; WARNING: an earlier child process counted"_s;
            breakdown.insert(u"sync_seconds"_s, s->syncSeconds);
            breakdown.insert(u"sync_resources"_s, s->resources);
            breakdown.insert(u"sync_peak_rss_sync_only_mb"_s, s->rssAfterSyncMb);
            if (s->pipelineSeconds) {
                setValue(syncPipelineRate, s->resources / (s->syncSeconds + *s->pipelineSeconds));
                breakdown.insert(u"sync_then_pipeline_seconds"_s, *s->pipelineSeconds);
                setValue(pipelineRss, s->pipelinePeakRssMb);
                pipelineRss.note = u"the pipeline run after the sync, in a process of its own"_s;
                syncPipelineRate.note = u"pipeline after the sync: %1 s"_s.arg(*s->pipelineSeconds, 0, 'f', 1);
            } else {
                syncPipelineRate.note = s->pipelineError.isEmpty() ? u"pipeline not built"_s
                                                                   : u"pipeline failed: "_s + s->pipelineError;
                pipelineRss.note = syncPipelineRate.note;
            }
        }
    }

    // 2. Raw inserts and the local pipeline, into the demo account's vault.
    QTemporaryDir dataDir;
    DemoAccountVault vault(dataDir.path());
    if (Status st = vault.create(); !st) {
        progress(u"cannot create the demo vault: "_s + st.error().detail());
        return 1;
    }
    const Profile mom = vault.profile(Relationship::Mother);
    const Profile self = vault.profile(Relationship::Self);
    auto factory = vault.factory();
    bool haveCleanRecords = false;
    progress(u"raw inserts and local pipeline..."_s);
    LocalBench local(family, cfg.patientKey, cfg.pageTxBaseline);
    auto l = local.run(factory, mom.id);
    if (!l) {
        rawInsert.note = pipeline.note = ratio.note = ratioBound.note = u"failed: "_s + l.error().detail();
    } else {
        setValue(rawInsert, l->resources / l->rawSeconds);
        breakdown.insert(u"raw_insert_seconds"_s, l->rawSeconds);
        breakdown.insert(u"raw_insert_rows_per_transaction"_s, LocalBench::kRawBatch);
        if (l->rawPageTxSeconds)
            breakdown.insert(u"raw_insert_page_tx_seconds"_s, *l->rawPageTxSeconds);
        breakdown.insert(u"pipeline_ingest_seconds"_s, l->ingestSeconds);
        breakdown.insert(u"pipeline_reader_thread_seconds"_s, l->parseSeconds);
        breakdown.insert(u"pages"_s, l->pages);
        breakdown.insert(u"stored_json_mb"_s,
                         QJsonObject{{u"raw"_s, double(l->rawJsonBytes) / 1e6},
                                     {u"normalized"_s, double(l->normalizedJsonBytes) / 1e6},
                                     {u"clean_json"_s, double(l->cleanJsonBytes) / 1e6},
                                     {u"clean_sources"_s, double(l->cleanSourcesBytes) / 1e6}});
        if (l->clinicalSeconds) {
            haveCleanRecords = true;
            breakdown.insert(u"pipeline_clinical_seconds"_s, *l->clinicalSeconds);
            breakdown.insert(u"pipeline_clinical_stats"_s, l->clinicalStats);
            setValue(pipeline, l->resources / l->pipelineSeconds());
            setValue(ratio, pipeline.value / rawInsert.value);
            const int cores = QThread::idealThreadCount();
            setValue(ratioBound, ratioBoundOnCores(l->rawSeconds, l->pipelineCpuSeconds(), cores));
            ratioBound.note = u"at most, on %1 cores: bare inserts %2 s x %1 / pipeline CPU %3 s "
                              u"(ingest %4 + dedup/summary %5; bare inserts %6 s CPU)"_s.arg(cores)
                                  .arg(l->rawSeconds, 0, 'f', 1)
                                  .arg(l->pipelineCpuSeconds(), 0, 'f', 1)
                                  .arg(l->ingestCpuSeconds, 0, 'f', 1)
                                  .arg(l->clinicalCpuSeconds.value_or(0), 0, 'f', 1)
                                  .arg(l->rawCpuSeconds, 0, 'f', 1);
            breakdown.insert(u"raw_insert_cpu_seconds"_s, l->rawCpuSeconds);
            breakdown.insert(u"pipeline_ingest_cpu_seconds"_s, l->ingestCpuSeconds);
            breakdown.insert(u"pipeline_clinical_cpu_seconds"_s, l->clinicalCpuSeconds.value_or(0));
            pipeline.note = u"parse/normalize/store %1 s (reader thread %2 s) + dedup/summary %3 s"_s
                                .arg(l->ingestSeconds, 0, 'f', 1)
                                .arg(l->parseSeconds, 0, 'f', 1)
                                .arg(*l->clinicalSeconds, 0, 'f', 1);
        } else {
            const double partial = l->resources / l->ingestSeconds;
            breakdown.insert(u"pipeline_parse_store_rows_per_s"_s, partial);
            pipeline.note = u"normalize/dedup/summary missing (%1); parse+store alone: %2 rows/s"_s
                                .arg(l->clinicalError)
                                .arg(qRound64(partial));
            ratio.note = ratioBound.note = u"needs the pipeline"_s;
        }
        rawInsert.note = u"%1 rows in %2 s, %3 per transaction"_s.arg(l->resources).arg(l->rawSeconds, 0, 'f', 1).arg(LocalBench::kRawBatch);
    }

    // 3. Opening the big profile in the profile view.
    progress(u"profile view opens..."_s);
    auto open = runProfileOpenBench(factory, vault.userId(), mom, self, cfg.runs);
    if (!open) {
        profileOpen.note = u"failed: "_s + open.error().detail();
    } else {
        setValue(profileOpenFirst, open->openMs.first());
        setValue(profileOpen, median(open->openMs.mid(1)));
        profileOpen.note = u"median of %1 warm opens, %2 requests, %3 rows shown"_s.arg(open->openMs.size() - 1)
                               .arg(open->requests)
                               .arg(open->rowsShown);
        if (open->failures > 0)
            profileOpen.note += u", %1 requests FAILED"_s.arg(open->failures);
        if (!haveCleanRecords)
            profileOpen.note += u", no clean records (pipeline missing)"_s;
        breakdown.insert(u"profile_open_all_ms"_s, toJsonArray(open->openMs));
    }
    factory->releaseThreadConnections();
    factory.reset();
    vault.lock();

    // 4. Start-up of the app on that vault.
    if (cfg.skipStartup) {
        startup.note = u"skipped (--skip-startup)"_s;
    } else {
        progress(u"app start-up runs..."_s);
        auto s = runStartupBench(cfg.healthhub, dataDir.path(), cfg.runs);
        if (!s) {
            startup.note = u"failed: "_s + s.error().detail();
        } else {
            setValue(startup, median(s->ms));
            startup.note = u"median of %1; WebEngine mapped at the probe in %2/%3 runs"_s.arg(s->ms.size())
                               .arg(s->webEngineMappedRuns)
                               .arg(s->mapsChecked);
            context.insert(u"startup_webengine_loaded"_s, s->webEngineMappedRuns > 0);
            breakdown.insert(u"startup_all_ms"_s, toJsonArray(s->ms));
        }
    }

    context.insert(u"load_end"_s, loadAverage());
    context.insert(u"breakdown"_s, breakdown);
    const QList<Figure> figures{rawInsert, pipeline,    ratio,       ratioBound,       syncRate, syncPipelineRate,
                                peakRss,   pipelineRss, profileOpen, profileOpenFirst, startup};
    if (cfg.json)
        printJson(figures, context);
    else
        printTable(figures, context);
    return 0;
}
