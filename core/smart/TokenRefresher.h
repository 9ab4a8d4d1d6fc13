#pragma once

#include "core/Result.h"
#include "core/smart/TokenResponse.h"

#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QString>

#include <functional>
#include <memory>

namespace hh::smart {

// Single-flight token renewal per connection: while a renewal for a connection id is in flight,
// every other caller asking for one gets the SAME future, and the start function runs once.
// Works for refresh-token refreshes and Epic JWT-bearer grants alike (the caller's start function
// decides). Put persistence inside the start function (e.g. tokenClient.refresh(...) continued by
// "store the rotated refresh token") so that callers only see tokens that are already stored.
//
// Thread-safe: callers may be on different threads. The start function runs on the calling thread
// of the first caller (which must own the network manager it uses); continuations of the returned
// future run where it finishes unless a context is given to then(). The in-flight entry is removed
// before the future is fulfilled, so a caller reacting to the result may start a new renewal.
class TokenRefresher
{
public:
    using StartFunction = std::function<QFuture<Result<TokenResponse>>()>;

    // Renew at expiresAt − kRefreshMargin.
    static constexpr qint64 kRefreshMarginSeconds = 60;
    [[nodiscard]] static bool needsRefresh(const QDateTime& expiresAt, const QDateTime& nowUtc);

    // Joins the in-flight renewal for connectionId or starts one with start().
    [[nodiscard]] QFuture<Result<TokenResponse>> refresh(const QString& connectionId, const StartFunction& start);
    [[nodiscard]] bool isRefreshing(const QString& connectionId) const;

    TokenRefresher();
    ~TokenRefresher();
    TokenRefresher(const TokenRefresher&) = delete;
    TokenRefresher& operator=(const TokenRefresher&) = delete;

private:
    struct InFlight {
        QFuture<Result<TokenResponse>> future;
        quint64 generation = 0;
    };
    // Shared with the continuations, so the refresher may be destroyed while a renewal runs.
    struct State {
        QMutex mutex;
        QHash<QString, InFlight> inFlight;
        quint64 generation = 0;
        void finished(const QString& connectionId, quint64 generation);
    };
    std::shared_ptr<State> m_state;
};

} // namespace hh::smart
