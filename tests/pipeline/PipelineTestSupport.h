#pragma once

// Test support of the clinical pipeline (tests/pipeline): fills a vault's raw table with a demo patient's
// resources exactly as a sync stores them (SyncSession::storePage, one job), without a server.

#include "core/Result.h"
#include "core/demo/SyntheticFamily.h"
#include "core/sync/SyncTypes.h"

#include <QList>

#include <QString>

#include <memory>

namespace hh::db {
class ConnectionFactory;
}

namespace hh::pipelinetest {

// How the resources are stored: as raw rows only (the clinical pipeline normalizes everything), or as the
// sync stores them (SyncStore::prepare() on each page first: new resources get their normalized rows in
// the same transaction).
enum class StoreMode { RawOnly, AsSync };

// Stores every resource a complete sync of `patientKey` at `vendor` fetches (searched types, Patient,
// referenced types) for `connectionId` in one finished 'success' job, pages of 500. Returns the number of
// resources stored. Uses and releases the calling thread's "sync" connection.
[[nodiscard]] Result<qint64> storeDemoPatient(const std::shared_ptr<db::ConnectionFactory>& factory,
                                              const QString& connectionId, const demo::SyntheticFamily& family,
                                              demo::Vendor vendor, const QString& patientKey,
                                              StoreMode mode = StoreMode::RawOnly);

// The resources storeDemoPatient() stores, generated up front (to time the store alone).
[[nodiscard]] QList<sync::RawResource> demoPatientResources(const demo::SyntheticFamily& family, demo::Vendor vendor,
                                                            const QString& patientKey);
// Stores `resources` for `connectionId` as one finished 'success' job, pages of 500 (SyncSession::storePage).
[[nodiscard]] Result<qint64> storeResources(const std::shared_ptr<db::ConnectionFactory>& factory,
                                            const QString& connectionId, const QList<sync::RawResource>& resources,
                                            StoreMode mode = StoreMode::RawOnly);

// "demo-epic" / "demo-athena"
QString demoEndpointId(demo::Vendor vendor);

} // namespace hh::pipelinetest
