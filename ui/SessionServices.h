#pragma once

#include "core/Domain.h"
#include "core/connect/ConnectService.h"
#include "core/records/IRecordsService.h"
#include "core/sync/ISyncControl.h"
#include "core/sync/ISyncHistory.h"

#include <QPointer>

#include <functional>
#include <memory>

namespace hh::ui {

// The services of one signed-in session, made by the composition root (app/) after sign-in and
// destroyed when the session ends (lock, sign-out), before the vault closes. Any of them may be
// missing; the views then show what they can (a records-less main window is the family list only).
//
// The QObject services are held in QPointers, so views notice when they are gone; syncHistory is
// not a QObject and is only used while the session lives.
struct SessionServices {
    QPointer<records::IRecordsService> records;
    QPointer<sync::ISyncControl> syncControl;
    sync::ISyncHistory* syncHistory = nullptr;
    QPointer<connect::ConnectService> connect;
    // Builds a profile's clean records and summary again in the background (the clinical pipeline), e.g.
    // after the records of one of its health systems were deleted. May be empty.
    std::function<void(const QString& profileId)> updateRecords;
    // Owns whatever the composition root created for the session (the services above, their
    // threads). Released when the session ends; views never use it.
    std::shared_ptr<void> owner;
};

// Called by the Shell when a user has signed in; returns the session's services.
using SessionFactory = std::function<SessionServices(const User& user)>;

} // namespace hh::ui
