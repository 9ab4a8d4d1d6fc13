#pragma once

#include "core/Result.h"
#include "core/sync/SyncTypes.h"

#include <QList>
#include <QObject>
#include <QString>

namespace hh::sync {

// What the GUI uses to start, cancel and watch syncs. Implemented by SyncScheduler; widget tests use
// a fake. Lives on the GUI thread: every method returns at once, results arrive as signals.
class ISyncControl : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ISyncControl)

public:
    explicit ISyncControl(QObject* parent = nullptr) : QObject(parent) {}
    ~ISyncControl() override = default;

    // "Sync now" for one connection, one profile or the whole family. A connection already queued or
    // running is not queued twice.
    virtual void syncConnection(const QString& connectionId) = 0;
    virtual void syncProfile(const QString& profileId) = 0;
    virtual void syncAll() = 0;
    // Cancel stops between pages; queued connections are dropped.
    virtual void cancelConnection(const QString& connectionId) = 0;
    virtual void cancelProfile(const QString& profileId) = 0;
    virtual void cancelAll() = 0;

    // Connections queued or running now (running ones with their latest progress).
    [[nodiscard]] virtual QList<SyncProgress> activeSyncs() const = 0;
    [[nodiscard]] virtual bool isActive(const QString& connectionId) const = 0;

    // Scheduled sync (Settings ▸ Sync automatically): the schedule in effect, and a new one - applied at once
    // and kept in the vault (app_settings "sync.schedule", shared by the vault's accounts) off this thread; a
    // failure to keep it arrives as scheduleSaveFailed.
    [[nodiscard]] virtual SyncSchedule schedule() const = 0;
    virtual void saveSchedule(SyncSchedule schedule) = 0;

Q_SIGNALS:
    // A connection was queued (progress.running == false) or made progress (running == true).
    void connectionProgress(const hh::sync::SyncProgress& progress);
    // A connection's job ended (any status).
    void connectionFinished(const hh::sync::SyncJobResult& result);
    // A connection's job stored data (status success or partial): run the clinical pipeline for it.
    void connectionSynced(const QString& profileId, const QString& connectionId, const QString& jobId);
    // The last queued/running connection of a profile ended and at least one of its jobs stored data.
    void profileSynced(const QString& profileId);
    // A request could not be started at all (e.g. the vault could not be read).
    void syncRequestFailed(const hh::Error& error);
    // Nothing queued or running any more.
    void idle();
    // saveSchedule() could not keep the schedule in the vault (it applies to this session all the same).
    void scheduleSaveFailed(const hh::Error& error);
};

} // namespace hh::sync
