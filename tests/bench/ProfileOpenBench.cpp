#include "bench/ProfileOpenBench.h"

#include "bench/CountingRecordsService.h"
#include "db/ConnectionFactory.h"
#include "db/RecordsService.h"
#include "ui/ProfileSection.h"
#include "ui/ProfileView.h"
#include "ui/SummarySection.h"

#include <QAbstractItemView>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QListWidget>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hh::bench {

namespace {
constexpr int kOpenTimeoutMs = 120000;

const ui::ProfileView::Section kSections[] = {
    ui::ProfileView::Section::Summary,       ui::ProfileView::Section::Conditions,
    ui::ProfileView::Section::Medications,   ui::ProfileView::Section::Allergies,
    ui::ProfileView::Section::Labs,          ui::ProfileView::Section::Immunizations,
    ui::ProfileView::Section::Encounters,    ui::ProfileView::Section::Documents,
    ui::ProfileView::Section::Sources};

// Opens `p` and returns the milliseconds until the view has everything it asked for; -1 on timeout.
double openOnce(ui::ProfileView& view, CountingRecordsService& records, const Profile& p)
{
    QEventLoop loop;
    bool timedOut = false;
    const auto idle = QObject::connect(&records, &CountingRecordsService::idle, &loop, &QEventLoop::quit);
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    records.resetCounts();
    QElapsedTimer t;
    t.start();
    view.setProfile(p); // header overview + the summary section
    for (ui::ProfileView::Section s : kSections)
        if (ui::ProfileSection* section = view.section(s))
            section->ensureLoaded(); // the first page of each table
    if (records.pending() > 0) {
        guard.start(kOpenTimeoutMs);
        loop.exec();
    }
    const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
    QObject::disconnect(idle);
    return timedOut ? -1 : ms;
}
} // namespace

Result<ProfileOpenResult> runProfileOpenBench(const std::shared_ptr<db::ConnectionFactory>& factory,
                                              const QString& userId, const Profile& profile, const Profile& other,
                                              int runs)
{
    db::RecordsService::Options options;
    options.pollInterval = std::chrono::milliseconds(0);
    db::RecordsService service(factory, userId, options);
    CountingRecordsService records(&service);
    ui::SessionServices services;
    services.records = &records;
    ProfileOpenResult out;
    {
        ui::ProfileView view(services);
        view.resize(1280, 800);
        view.show();
        // The first open is cold (nothing cached by the service yet); `runs` warm opens follow.
        for (int i = 0; i <= std::max(1, runs); ++i) {
            if (openOnce(view, records, other) < 0)
                return Error(ErrorCode::Unknown, u"profile open"_s, u"the small profile did not load"_s);
            const double ms = openOnce(view, records, profile);
            if (ms < 0)
                return Error(ErrorCode::Unknown, u"profile open"_s, u"the profile did not load in time"_s);
            out.openMs.append(ms);
            out.requests = records.calls();
            out.failures = records.failures();
        }
        out.rowsShown = 0;
        const auto lists = view.findChildren<QAbstractItemView*>();
        for (QAbstractItemView* v : lists)
            if (v->model() && !qobject_cast<QListWidget*>(v))
                out.rowsShown += v->model()->rowCount();
        if (auto* summary = qobject_cast<ui::SummarySection*>(view.section(ui::ProfileView::Section::Summary)))
            out.summaryLoaded = summary->isLoaded();
    }
    return out;
}

} // namespace hh::bench
