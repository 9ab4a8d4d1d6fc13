#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QList>
#include <QString>

#include <memory>

namespace hh::db {
class ConnectionFactory;
}

namespace hh::bench {

// Opening a profile in the real ui::ProfileView over the real db::RecordsService (offscreen): from
// setProfile() until the summary and the first page of every section's table have arrived and been
// handed to the view (CountingRecordsService::idle). Between two measured opens the view shows another
// (small) profile, so every open reads the vault again. Needs a QApplication.
struct ProfileOpenResult {
    QList<double> openMs;  // every measured open: the first (cold) one, then `runs` warm ones
    int requests = 0;      // service calls of one open
    int failures = 0;      // of them, how many failed
    qint64 rowsShown = 0;  // rows in the view's tables after an open (sanity check)
    bool summaryLoaded = false;
};

[[nodiscard]] Result<ProfileOpenResult> runProfileOpenBench(const std::shared_ptr<db::ConnectionFactory>& factory,
                                                            const QString& userId, const Profile& profile,
                                                            const Profile& other, int runs);

} // namespace hh::bench
